package io.groupdeal.domain.redemption;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.groupdeal.domain.coupon.CouponCode;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class CodeHashTest {

    private static final CouponCode CODE = CouponCode.parse("7K3M-9QXW-2BHR-C").orElseThrow();
    private static final byte[] SALT = new byte[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15};

    /** The value a phone's WebCrypto computes: PBKDF2-HMAC-SHA256 as Python's hashlib.pbkdf2_hmac computes it too. */
    @Test
    void isStandardPbkdf2OfTheStoredCodeSoThatAPhoneComputesTheSame() {
        assertEquals("ehniics++WT4crUIV5HNlkv6Z0CxVjbnsVYz1PXz5FM=", CodeHash.of(CODE, SALT, 10_000));
        assertEquals("BVSxIXgf6JS+husV3WXZn0+RJfCutLV0hs60M40kIRE=", CodeHash.of(CODE, SALT, 1));
        assertEquals(
                CodeHash.of(CODE, SALT, 10_000),
                CodeHash.of(CouponCode.parse("7k3m 9qxw 2bhr c").orElseThrow(), SALT, 10_000),
                "the code as stored, whatever way it was typed");
    }

    @Test
    void anotherSaltGivesAnotherHash() {
        byte[] other = Arrays.copyOf(SALT, SALT.length);
        other[0] = 99;
        assertNotEquals(CodeHash.of(CODE, SALT, 10), CodeHash.of(CODE, other, 10));
    }

    @Test
    void refusesAShortSaltOrNoIterations() {
        assertThrows(IllegalArgumentException.class, () -> CodeHash.of(CODE, new byte[8], 10));
        assertThrows(IllegalArgumentException.class, () -> CodeHash.of(CODE, SALT, 0));
    }

    /** A full list still costs more than 10^18 HMACs per code found by brute force over the 60-bit code space. */
    @Test
    void aFullListCannotBeTurnedBackIntoCodes() {
        assertTrue(
                CodeHash.attackCost(CodeHash.MAX_CODES, CodeHash.ITERATIONS) > 1e18,
                () -> "cost " + CodeHash.attackCost(CodeHash.MAX_CODES, CodeHash.ITERATIONS));
        assertTrue(CodeHash.SALT_BYTES >= 16);
    }
}
