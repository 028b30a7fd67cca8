package io.groupdeal.application.counter;

import io.groupdeal.domain.coupon.CouponCode;
import io.groupdeal.domain.redemption.CodeHash;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The hashes of each store's redeemable codes, kept by this instance so that the slow hash of a code is computed once
 * per salt, not once per phone and minute: each store has a random salt for {@link #SALT_LIFETIME}, then a new one.
 * Every phone of the store gets the same list within that hour; another instance has its own salt, which changes
 * nothing for a phone (it uses the salt of the list it holds). The codes themselves stay on the server.
 */
@ApplicationScoped
public class RedeemableLists {

    /** How long a salt (and the hashes made with it) is used for a store's lists. */
    static final Duration SALT_LIFETIME = Duration.ofHours(1);
    /** How long a phone may trust a list without a connection: the window in which a double use can happen. */
    static final Duration TRUSTED_FOR = Duration.ofHours(2);

    private final SecureRandom random = new SecureRandom();
    private final Map<String, Generation> generations = new ConcurrentHashMap<>();

    /** One salt of one store, with the hashes computed with it so far (by code). */
    private record Generation(byte[] salt, Instant createdAt, Map<String, String> hashes) {}

    /** The list of {@code codes} (the codes redeemable at the store now) for a phone at the store. */
    public RedeemableList of(String tenantId, String storeId, List<CouponCode> codes, Instant now) {
        Generation generation = generations.compute(
                tenantId + "/" + storeId,
                (key, current) -> current == null
                                || !now.isBefore(current.createdAt().plus(SALT_LIFETIME))
                                || now.isBefore(current.createdAt())
                        ? new Generation(salt(), now, new ConcurrentHashMap<>())
                        : current);
        // Sorted, so that the order says nothing about the coupons (such as which was sold first).
        List<String> hashes = codes.stream()
                .map(code -> generation
                        .hashes()
                        .computeIfAbsent(code.stored(), c -> CodeHash.of(code, generation.salt(), CodeHash.ITERATIONS)))
                .sorted()
                .toList();
        Set<String> wanted = new HashSet<>();
        codes.forEach(code -> wanted.add(code.stored()));
        generation.hashes().keySet().retainAll(wanted); // redeemed, refunded or expired since: no longer kept
        return new RedeemableList(
                storeId,
                CodeHash.ALGORITHM,
                Base64.getEncoder().encodeToString(generation.salt()),
                CodeHash.ITERATIONS,
                now,
                now.plus(TRUSTED_FOR),
                hashes);
    }

    private byte[] salt() {
        byte[] salt = new byte[CodeHash.SALT_BYTES];
        random.nextBytes(salt);
        return salt;
    }
}
