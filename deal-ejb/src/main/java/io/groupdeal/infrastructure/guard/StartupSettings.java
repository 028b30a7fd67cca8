package io.groupdeal.infrastructure.guard;

import io.groupdeal.application.security.PasswordHasher;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The settings that decide whether a start is safe, and the decision itself, with no container around it so that it
 * is tested as a plain function. The rule: on an external database (any but the one {@code ./mvnw -Prun} starts for
 * itself) the sandbox gateway, which takes no money (every order paid with {@code tok_ok} is "paid"), runs only in a
 * demo ({@code DEAL_DEMO=true}) or where someone said so on purpose ({@code DEAL_ALLOW_SANDBOX=true}, for staging);
 * a gateway name with no gateway behind it is refused everywhere. Demo data on an external database comes only from
 * an explicit {@code DEAL_DEMO=true}, and is announced loudly: its accounts have a published password. Passwords are
 * hashed with fewer than {@link PasswordHasher#ITERATIONS} iterations ({@code DEAL_PASSWORD_ITERATIONS}) only where
 * no real account lives: a demo or the embedded database (the integration tests' server is a demo); never with fewer
 * than the platform's least, {@link PasswordHasher#MIN_ITERATIONS}.
 *
 * @param gateway          DEAL_PAYMENT_GATEWAY, the chosen gateway's name
 * @param gatewayExists    whether a gateway bean of that name exists
 * @param demo             DEAL_DEMO
 * @param allowSandbox     DEAL_ALLOW_SANDBOX
 * @param embeddedDatabase DEAL_DB_EMBEDDED, set by {@code ./mvnw -Prun} when it started its own database
 * @param passwordIterations DEAL_PASSWORD_ITERATIONS, the PBKDF2 iterations of a new password hash
 */
public record StartupSettings(
        String gateway,
        boolean gatewayExists,
        boolean demo,
        boolean allowSandbox,
        boolean embeddedDatabase,
        int passwordIterations) {

    public static final String SANDBOX = "sandbox";

    /** Why the product must not start with these settings; empty when it may. */
    public Optional<String> refusal() {
        if (!gatewayExists) {
            return Optional.of(
                    "There is no payment gateway named '" + gateway + "' (DEAL_PAYMENT_GATEWAY). Set it to the"
                            + " name of the installed gateway. GroupDeal is not started.");
        }
        if (passwordIterations < PasswordHasher.MIN_ITERATIONS) {
            return Optional.of(
                    "DEAL_PASSWORD_ITERATIONS=" + passwordIterations + " is below " + PasswordHasher.MIN_ITERATIONS
                            + ", the least the platform's PBKDF2 takes. GroupDeal is not started.");
        }
        if (weakPasswords() && !demo && !embeddedDatabase) {
            return Optional.of("Passwords would be hashed with " + passwordIterations + " PBKDF2 iterations"
                    + " (DEAL_PASSWORD_ITERATIONS), fewer than the " + PasswordHasher.ITERATIONS + " that OWASP asks"
                    + " for. Fewer are only for a demo (DEAL_DEMO=true): leave DEAL_PASSWORD_ITERATIONS unset, or set it"
                    + " higher. GroupDeal is not started.");
        }
        if (sandbox() && !demo && !allowSandbox && !embeddedDatabase) {
            return Optional.of(
                    "The sandbox payment gateway is chosen (DEAL_PAYMENT_GATEWAY=" + gateway + ", the default)."
                            + " It takes no money: every order paid with the test card tok_ok counts as paid. Configure a real"
                            + " payment gateway with DEAL_PAYMENT_GATEWAY, or, on a staging install only, allow the sandbox with"
                            + " DEAL_ALLOW_SANDBOX=true (DEAL_DEMO=true allows it for a demo). GroupDeal is not started.");
        }
        return Optional.empty();
    }

    /** What the log must shout about a start that is allowed: each entry is one line of the warning. */
    public List<String> warnings() {
        List<String> lines = new ArrayList<>();
        if (demo && !embeddedDatabase) {
            lines.add("DEMO MODE ON AN EXTERNAL DATABASE (DEAL_DEMO=true, DEAL_DB_URL set).");
            lines.add("The demo accounts exist on this database with the PUBLISHED password 'demo-password':");
            lines.add("the platform operator operator@demo.groupdeal.io, the demo merchants, their staff and a buyer.");
            lines.add(
                    "Anyone who has read the README can log in as the operator. Never run a real business on this database:");
            lines.add("give a demo a database of its own, and leave DEAL_DEMO unset (false) everywhere else.");
        }
        if (weakPasswords()) {
            lines.add("Passwords are hashed with " + passwordIterations
                    + " PBKDF2 iterations (DEAL_PASSWORD_ITERATIONS)," + " fewer than the " + PasswordHasher.ITERATIONS
                    + " of a real install: for a demo or tests only.");
        }
        if (sandbox() && allowSandbox && !demo) {
            lines.add(
                    "The sandbox payment gateway is allowed (DEAL_ALLOW_SANDBOX=true): payments are not real, no money is taken.");
        }
        return lines;
    }

    private boolean weakPasswords() {
        return passwordIterations < PasswordHasher.ITERATIONS;
    }

    private boolean sandbox() {
        return SANDBOX.equals(gateway);
    }
}
