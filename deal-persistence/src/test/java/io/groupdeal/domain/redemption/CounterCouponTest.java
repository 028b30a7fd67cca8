package io.groupdeal.domain.redemption;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.groupdeal.domain.coupon.CouponCode;
import io.groupdeal.domain.coupon.CouponStatus;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

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

    @Test
    void eachStatusButActiveIsItsOwnRefusalWhateverTheDateAndStore() {
        for (boolean atStore : new boolean[] {true, false}) {
            for (Instant until : new Instant[] {NOW.plusSeconds(60), NOW.minusSeconds(60)}) {
                assertEquals(
                        Optional.of(Refusal.DEAL_NOT_TIPPED),
                        coupon(CouponStatus.PENDING, until, atStore).refusalAt(NOW));
                assertEquals(
                        Optional.of(Refusal.ALREADY_REDEEMED),
                        coupon(CouponStatus.REDEEMED, until, atStore).refusalAt(NOW));
                assertEquals(
                        Optional.of(Refusal.EXPIRED),
                        coupon(CouponStatus.EXPIRED, until, atStore).refusalAt(NOW));
                assertEquals(
                        Optional.of(Refusal.REFUNDED),
                        coupon(CouponStatus.REFUNDED, until, atStore).refusalAt(NOW));
                assertEquals(
                        Optional.of(Refusal.VOID),
                        coupon(CouponStatus.VOID, until, atStore).refusalAt(NOW));
            }
        }
    }

    @Test
    void anActiveCouponAtOrPastItsLastValidMomentIsExpiredAlsoAtAnotherStore() {
        assertEquals(
                Optional.of(Refusal.EXPIRED),
                coupon(CouponStatus.ACTIVE, NOW, true).refusalAt(NOW));
        assertEquals(
                Optional.of(Refusal.EXPIRED),
                coupon(CouponStatus.ACTIVE, NOW.minusSeconds(1), true).refusalAt(NOW));
        assertEquals(
                Optional.of(Refusal.EXPIRED),
                coupon(CouponStatus.ACTIVE, NOW, false).refusalAt(NOW));
    }

    @Test
    void anActiveValidCouponOfADealNamingOtherStoresIsNotValidHere() {
        assertEquals(
                Optional.of(Refusal.NOT_VALID_AT_STORE),
                coupon(CouponStatus.ACTIVE, NOW.plusSeconds(1), false).refusalAt(NOW));
    }
}
