package io.groupdeal.domain.coupon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CouponCodeTest {

    private static final String DATA = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private static final String CHECK = DATA + "*~$=U";
    private static final SecureRandom RANDOM = new SecureRandom();

    @Test
    void printedCodesReadBackHoweverTheyAreTyped() {
        for (int i = 0; i < 10_000; i++) {
            CouponCode code = CouponCode.random(RANDOM);
            assertTrue(
                    code.printed()
                            .matches(
                                    "[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z*~$=U]"),
                    code.printed());
            assertEquals(Optional.of(code), CouponCode.parse(code.printed()));
            assertEquals(Optional.of(code), CouponCode.parse(code.stored()));
            assertEquals(
                    Optional.of(code),
                    CouponCode.parse(" " + code.printed().toLowerCase().replace('-', ' ') + "  "));
            assertEquals(code, CouponCode.ofStored(code.stored()));
        }
    }

    @Test
    void lettersThatLookLikeDigitsReadAsTheDigits() {
        CouponCode code = codeWith("01");
        String typed = code.printed().replace('0', 'O').replaceFirst("1", "I").replace('1', 'l');
        assertEquals(Optional.of(code), CouponCode.parse(typed), typed);
    }

    @Test
    void everySingleWrongCharacterIsCaught() {
        for (int n = 0; n < 300; n++) {
            String stored = CouponCode.random(RANDOM).stored();
            for (int position = 0; position < CouponCode.LENGTH; position++) {
                String alphabet = position < 12 ? DATA : CHECK;
                for (char other : alphabet.toCharArray()) {
                    if (other != stored.charAt(position)) {
                        String typo = stored.substring(0, position) + other + stored.substring(position + 1);
                        assertEquals(Optional.empty(), CouponCode.parse(typo), stored + " -> " + typo);
                    }
                }
            }
        }
    }

    @Test
    void everySwapOfNeighboursIsCaught() {
        for (int n = 0; n < 3_000; n++) {
            String stored = CouponCode.random(RANDOM).stored();
            for (int i = 0; i < CouponCode.LENGTH - 1; i++) {
                if (stored.charAt(i) != stored.charAt(i + 1)) {
                    String swapped =
                            stored.substring(0, i) + stored.charAt(i + 1) + stored.charAt(i) + stored.substring(i + 2);
                    assertEquals(Optional.empty(), CouponCode.parse(swapped), stored + " -> " + swapped);
                }
            }
        }
    }

    @Test
    void garbageIsNoCode() {
        for (String input : new String[] {
            null,
            "",
            "ABCD",
            "ABCD-EFGH-JKMN-PQ",
            "UUUU-UUUU-UUUU-U",
            "ÄBCD-EFGH-JKMN-P",
            "x".repeat(10_000),
            "ABCD-EFGH-JKMN-P-0",
            "ABCD-EFGH-JKMN"
        }) {
            assertEquals(
                    Optional.empty(),
                    CouponCode.parse(input),
                    String.valueOf(input).length() > 40 ? "long" : input);
        }
        String stored = CouponCode.random(RANDOM).stored();
        String wrongCheck = stored.substring(0, 12) + (stored.charAt(12) == '0' ? '1' : '0');
        assertThrows(IllegalArgumentException.class, () -> CouponCode.ofStored(wrongCheck));
        assertThrows(IllegalArgumentException.class, () -> CouponCode.ofStored(stored.substring(0, 12)));
    }

    @Test
    void codesAreRandomOverTheWholeAlphabet() {
        Set<String> seen = new HashSet<>();
        @SuppressWarnings("unchecked")
        Set<Character>[] used = new Set[12];
        for (int i = 0; i < 12; i++) {
            used[i] = new HashSet<>();
        }
        for (int n = 0; n < 100_000; n++) {
            String stored = CouponCode.random(RANDOM).stored();
            assertTrue(seen.add(stored), "no duplicates");
            for (int i = 0; i < 12; i++) {
                used[i].add(stored.charAt(i));
            }
        }
        for (Set<Character> position : used) {
            assertEquals(32, position.size());
        }
        assertNotEquals(CouponCode.random(RANDOM), CouponCode.random(RANDOM));
    }

    private static CouponCode codeWith(String characters) {
        while (true) {
            CouponCode code = CouponCode.random(RANDOM);
            if (characters.chars().allMatch(c -> code.stored().substring(0, 12).indexOf(c) >= 0)) {
                return code;
            }
        }
    }
}
