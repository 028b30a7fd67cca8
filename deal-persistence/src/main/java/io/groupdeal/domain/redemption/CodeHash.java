package io.groupdeal.domain.redemption;

import io.groupdeal.domain.coupon.CouponCode;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * The hash by which a phone recognises a redeemable code without a connection: PBKDF2-HMAC-SHA256 of the code as
 * stored (13 characters, ASCII) with the list's random salt, 256 bits, Base64. A phone computes the same with
 * WebCrypto for the one code in front of it. The list must never give the codes away: codes are 60 random bits, so
 * finding any code of a list of n hashes takes 2^60 / n guesses on average, each {@link #ITERATIONS} HMACs; for a list
 * of {@link #MAX_CODES} that is over 10^18 HMAC-SHA256, years on a large GPU farm for one coupon, while a phone checks a
 * code in milliseconds. A salt per list means nothing computed for one list helps with another.
 */
public final class CodeHash {

    public static final String ALGORITHM = "PBKDF2-SHA256";
    public static final int ITERATIONS = 10_000;
    /** The most codes a store's list holds; beyond it a phone offline cannot know a code and asks to wait. */
    public static final int MAX_CODES = 10_000;

    public static final int SALT_BYTES = 16;
    private static final int BITS = 256;

    private CodeHash() {}

    public static String of(CouponCode code, byte[] salt, int iterations) {
        if (salt == null || salt.length < SALT_BYTES || iterations < 1) {
            throw new IllegalArgumentException("a salt of at least " + SALT_BYTES + " bytes and a positive count");
        }
        PBEKeySpec spec = new PBEKeySpec(code.stored().toCharArray(), salt, iterations, BITS);
        try {
            return Base64.getEncoder()
                    .encodeToString(SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                            .generateSecret(spec)
                            .getEncoded());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is part of every Java platform", e);
        } finally {
            spec.clearPassword();
        }
    }

    /** The guesses (HMAC computations) an attacker needs on average to find one code of a list of {@code n} hashes. */
    public static double attackCost(int n, int iterations) {
        return Math.pow(2, 60) / Math.max(1, n) * iterations;
    }
}
