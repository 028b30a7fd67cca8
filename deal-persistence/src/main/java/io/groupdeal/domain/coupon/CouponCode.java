package io.groupdeal.domain.coupon;

import java.security.SecureRandom;
import java.util.Optional;

/**
 * A coupon's code: 60 random bits as 12 Crockford base32 characters, then Crockford's check symbol (the value mod
 * 37), printed {@code XXXX-XXXX-XXXX-C}. Because 37 is prime and no power of 32 is a multiple of it, the check symbol
 * catches every single wrong character and every swap of two neighbours, so a mistyped code is rejected before any
 * lookup. Reading is forgiving: case, spaces and hyphens do not matter, O reads as 0, I and L as 1.
 */
public final class CouponCode {

    public static final int LENGTH = 13;
    private static final int DATA = 12;
    private static final String SYMBOLS = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private static final String CHECK_SYMBOLS = SYMBOLS + "*~$=U";
    private static final int LONGEST_INPUT = 64;

    private final String stored;

    private CouponCode(String stored) {
        this.stored = stored;
    }

    /** A new code from 60 bits of the given cryptographic random source. */
    public static CouponCode random(SecureRandom random) {
        long value = random.nextLong() >>> 4;
        char[] data = new char[DATA];
        long rest = value;
        for (int i = DATA - 1; i >= 0; i--) {
            data[i] = SYMBOLS.charAt((int) (rest & 31));
            rest >>>= 5;
        }
        return new CouponCode(new String(data) + CHECK_SYMBOLS.charAt((int) (value % 37)));
    }

    /** The code typed or scanned, if it is one: well formed and with the right check symbol. */
    public static Optional<CouponCode> parse(String input) {
        if (input == null || input.length() > LONGEST_INPUT) {
            return Optional.empty();
        }
        StringBuilder normal = new StringBuilder(LENGTH);
        for (char c : input.toCharArray()) {
            if (c == ' ' || c == '-' || c == '\t') {
                continue;
            }
            if (c > 127) {
                return Optional.empty();
            }
            char upper = Character.toUpperCase(c);
            normal.append(
                    switch (upper) {
                        case 'O' -> '0';
                        case 'I', 'L' -> '1';
                        default -> upper;
                    });
            if (normal.length() > LENGTH) {
                return Optional.empty();
            }
        }
        return normal.length() == LENGTH && isValid(normal.toString())
                ? Optional.of(new CouponCode(normal.toString()))
                : Optional.empty();
    }

    /** A code as the database keeps it (13 characters, no hyphens). */
    public static CouponCode ofStored(String stored) {
        if (stored == null || stored.length() != LENGTH || !isValid(stored)) {
            throw new IllegalArgumentException("not a stored coupon code");
        }
        return new CouponCode(stored);
    }

    private static boolean isValid(String code) {
        long value = 0;
        for (int i = 0; i < DATA; i++) {
            int digit = SYMBOLS.indexOf(code.charAt(i));
            if (digit < 0) {
                return false;
            }
            value = (value << 5) | digit;
        }
        int check = CHECK_SYMBOLS.indexOf(code.charAt(DATA));
        return check >= 0 && check == value % 37;
    }

    public String stored() {
        return stored;
    }

    public String printed() {
        return stored.substring(0, 4) + "-" + stored.substring(4, 8) + "-" + stored.substring(8, 12) + "-"
                + stored.charAt(12);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CouponCode code && code.stored.equals(stored);
    }

    @Override
    public int hashCode() {
        return stored.hashCode();
    }

    @Override
    public String toString() {
        return printed();
    }
}
