package io.groupdeal.application.security;

import io.groupdeal.application.problem.InvalidInput;
import io.groupdeal.domain.account.Account;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Passwords are kept as PBKDF2-HMAC-SHA256 with {@value #ITERATIONS} iterations and a 32-byte random salt (OWASP
 * 2023). The stored form names its parameters, so a hash is always checked with the iterations it was made with, and
 * stronger ones can be introduced without breaking old hashes. The count is {@code deal.password.iterations}: more
 * is allowed anywhere; fewer (down to {@value #MIN_ITERATIONS}) only where no real account lives, a demo or the
 * embedded database ({@code infrastructure.guard.StartupSettings}): the integration tests make hundreds of accounts,
 * and at the full cost their server spent most of its CPU hashing their passwords. Logins and
 * sign-ups hash through {@link HashingGate} and outside any transaction (no database connection waits on a hash):
 * a hash asked for inside a transaction is refused ({@link IllegalStateException}), so a boundary that forgets it
 * fails in every test that goes through it instead of holding a connection for a core-second in production.
 */
@ApplicationScoped
public class PasswordHasher {

    /** OWASP's figure for PBKDF2-HMAC-SHA256 (2023), the default and the least a real install may use. */
    public static final int ITERATIONS = 600_000;

    /** The least the platform's PBKDF2 ({@link Pbkdf2PasswordHash}) accepts. */
    public static final int MIN_ITERATIONS = 1_024;

    @Inject
    @ConfigProperty(name = "deal.password.iterations", defaultValue = "" + ITERATIONS)
    private int iterations;

    @Inject
    private Pbkdf2PasswordHash pbkdf2;

    @Resource
    private TransactionSynchronizationRegistry transactions;

    /** Checked when an email is unknown, so that an unknown email costs as much time as a wrong password. */
    private String decoy;

    @PostConstruct
    void configure() {
        pbkdf2.initialize(Map.of(
                "Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA256",
                "Pbkdf2PasswordHash.Iterations", String.valueOf(iterations),
                "Pbkdf2PasswordHash.SaltSizeBytes", "32",
                "Pbkdf2PasswordHash.KeySizeBytes", "32"));
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        decoy = pbkdf2.generate(Base64.getEncoder().encodeToString(random).toCharArray());
    }

    /** Hashes a new password after checking its length (10 to 200 characters). */
    public String hashNew(String password, String field) {
        requireAcceptable(password, field);
        requireNoTransaction();
        return pbkdf2.generate(password.toCharArray());
    }

    /** Checks a new password's length (10 to 200 characters) without the cost of hashing it. */
    public void requireAcceptable(String password, String field) {
        if (password == null || password.length() < Account.MIN_PASSWORD_LENGTH) {
            throw new InvalidInput(field, "min-length", Account.MIN_PASSWORD_LENGTH);
        }
        if (password.length() > Account.MAX_PASSWORD_LENGTH) {
            throw new InvalidInput(field, "max-length", Account.MAX_PASSWORD_LENGTH);
        }
    }

    public boolean matches(String password, String storedHash) {
        requireNoTransaction();
        if (password == null || password.length() > Account.MAX_PASSWORD_LENGTH) {
            pbkdf2.verify(new char[0], decoy);
            return false;
        }
        return pbkdf2.verify(password.toCharArray(), storedHash);
    }

    /** Spends the time of a password check without a real account behind it. */
    public void matchNothing(String password) {
        requireNoTransaction();
        pbkdf2.verify(password == null ? new char[0] : password.toCharArray(), decoy);
    }

    private void requireNoTransaction() {
        if (transactions.getTransactionStatus() != Status.STATUS_NO_TRANSACTION) {
            throw new IllegalStateException("a password hash was asked for inside a transaction: hash at a"
                    + " NOT_SUPPORTED boundary, then write in a short transaction");
        }
    }
}
