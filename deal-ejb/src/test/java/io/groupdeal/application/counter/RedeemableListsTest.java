package io.groupdeal.application.counter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.groupdeal.domain.coupon.CouponCode;
import io.groupdeal.domain.redemption.CodeHash;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RedeemableListsTest {

    private static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final RedeemableLists lists = new RedeemableLists();
    private final List<CouponCode> codes =
            IntStream.range(0, 5).mapToObj(i -> CouponCode.random(RANDOM)).toList();

    @Test
    void holdsTheSlowSaltedHashOfEachCodeAndNoCode() {
        RedeemableList list = lists.of("t1", "s1", codes, NOW);
        assertEquals(codes.size(), list.hashes().size());
        assertEquals(CodeHash.ALGORITHM, list.algorithm());
        assertEquals(CodeHash.ITERATIONS, list.iterations());
        byte[] salt = Base64.getDecoder().decode(list.salt());
        assertEquals(CodeHash.SALT_BYTES, salt.length);
        String everything = list.toString();
        for (CouponCode code : codes) {
            assertTrue(list.hashes().contains(CodeHash.of(code, salt, list.iterations())), "a phone finds " + code);
            assertFalse(
                    everything.contains(code.stored()) || everything.contains(code.printed()), "no code in the list");
        }
        assertEquals(list.hashes().stream().sorted().toList(), list.hashes(), "sorted: the order says nothing");
        assertEquals(NOW.plus(RedeemableLists.TRUSTED_FOR), list.expiresAt());
    }

    @Test
    void keepsItsSaltForAnHourAndDropsCodesNoLongerRedeemable() {
        RedeemableList first = lists.of("t1", "s1", codes, NOW);
        RedeemableList later = lists.of("t1", "s1", codes.subList(1, 5), NOW.plusSeconds(60));
        assertEquals(first.salt(), later.salt(), "the same salt within the hour: each code is hashed once");
        assertEquals(4, later.hashes().size());
        assertFalse(
                later.hashes()
                        .contains(CodeHash.of(
                                codes.get(0), Base64.getDecoder().decode(later.salt()), later.iterations())),
                "a code redeemed meanwhile is out of the list");
        RedeemableList nextHour = lists.of("t1", "s1", codes, NOW.plus(RedeemableLists.SALT_LIFETIME));
        assertNotEquals(first.salt(), nextHour.salt(), "a new salt every hour");
        assertNotEquals(first.salt(), lists.of("t1", "s2", codes, NOW).salt(), "a salt per store");
        assertNotEquals(first.salt(), lists.of("t2", "s1", codes, NOW).salt(), "and per tenant");
    }
}
