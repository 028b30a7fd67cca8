package io.groupdeal.domain.redemption;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.groupdeal.domain.coupon.CouponCode;
import io.groupdeal.domain.coupon.CouponStatus;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The counter redeems only an ACTIVE coupon, before its last valid moment, at a store its deal is valid at. */
class CounterCouponTest {

    static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");

    static CounterCoupon coupon(CouponStatus status, Instant validUntil, boolean validAtStore) {
        return new CounterCoupon(
                "tenant-1",
                "coupon-1",
                CouponCode.random(new SecureRandom()),
                status,
                "deal-1",
                "Noodles",
                "",
                validUntil,
                1,
                null,
                null,
                null,
                validAtStore,
                null);
    }

    @Test
    void anActiveValidCouponAtItsStoreIsRedeemable() {
        assertEquals(
                Optional.empty(),
                coupon(CouponStatus.ACTIVE, NOW.plusSeconds(1), true).refusalAt(NOW));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({
        "PENDING, DEAL_NOT_TIPPED",
        "REDEEMED, ALREADY_REDEEMED",
        "EXPIRED, EXPIRED",
        "REFUNDED, REFUNDED",
        "VOID, VOID"
    })
    void eachStatusButActiveIsItsOwnRefusalWhateverTheDateAndStore(CouponStatus status, Refusal refusal) {
        for (boolean atStore : new boolean[] {true, false}) {
            for (Instant until : new Instant[] {NOW.plusSeconds(60), NOW.minusSeconds(60)}) {
                assertEquals(
                        Optional.of(refusal), coupon(status, until, atStore).refusalAt(NOW));
            }
        }
    }

    @ParameterizedTest(name = "valid {0} s more, at its store: {1}")
    @CsvSource({"0, true", "-1, true", "0, false"})
    void anActiveCouponAtOrPastItsLastValidMomentIsExpiredAlsoAtAnotherStore(long secondsValid, boolean atStore) {
        assertEquals(
                Optional.of(Refusal.EXPIRED),
                coupon(CouponStatus.ACTIVE, NOW.plusSeconds(secondsValid), atStore)
                        .refusalAt(NOW));
    }

    @Test
    void anActiveValidCouponOfADealNamingOtherStoresIsNotValidHere() {
        assertEquals(
                Optional.of(Refusal.NOT_VALID_AT_STORE),
                coupon(CouponStatus.ACTIVE, NOW.plusSeconds(1), false).refusalAt(NOW));
    }
}
