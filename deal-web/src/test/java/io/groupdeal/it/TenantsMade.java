package io.groupdeal.it;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The tenants each IT class made by signing merchants up ({@link Http} notes them), so that a check after a class
 * ({@link LedgerAgrees}) looks at that class's data only: other classes run alongside it against the same server and
 * database (see deal-web's POM), and what they make meanwhile is theirs.
 */
final class TenantsMade {

    private static final Map<Class<?>, Set<String>> BY_CLASS = new ConcurrentHashMap<>();

    private TenantsMade() {}

    /** The tenants the test class made so far (a live set: its tests' sign-ups add to it). */
    static Set<String> by(Class<?> testClass) {
        return BY_CLASS.computeIfAbsent(testClass, c -> ConcurrentHashMap.newKeySet());
    }
}
