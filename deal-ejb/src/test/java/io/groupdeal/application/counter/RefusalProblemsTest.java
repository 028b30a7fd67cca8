package io.groupdeal.application.counter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.groupdeal.application.problem.Clash;
import io.groupdeal.application.problem.NoLongerUsable;
import io.groupdeal.application.problem.NotPermitted;
import io.groupdeal.application.problem.Problem;
import io.groupdeal.application.problem.Reason;
import io.groupdeal.domain.coupon.CouponCode;
import io.groupdeal.domain.coupon.CouponStatus;
import io.groupdeal.domain.redemption.CounterCoupon;
import io.groupdeal.domain.redemption.CounterStore;
import io.groupdeal.domain.redemption.Refusal;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Each refusal the domain decides is answered as the API's contract says (api.md): its problem type and status, and
 * its reason's key and values in the store's time zone; every refusal of a coupon handed over offline is a double use.
 */
class RefusalProblemsTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final CounterStore HERE = new CounterStore("store-1", "Mitte", "Asia/Shanghai");
    static final Instant VALID_UNTIL = Instant.parse("2026-03-01T17:00:00Z");
    static final Instant REDEEMED_AT = Instant.parse("2026-02-27T09:30:00Z");

    static CounterCoupon coupon(String redeemedStoreName) {
        return new CounterCoupon(
                "tenant-1",
                "coupon-1",
                CouponCode.random(new SecureRandom()),
                CouponStatus.REDEEMED,
                "deal-1",
                "Noodles",
                "",
                VALID_UNTIL,
                1,
                REDEEMED_AT,
                "store-2",
                redeemedStoreName,
                false,
                null);
    }

    private static Problem answer(Refusal refusal, Class<? extends Problem> kind, String type, Reason reason) {
        Problem problem = RefusalProblems.of(refusal, coupon("Kreuzberg"), HERE);
        assertInstanceOf(kind, problem);
        assertEquals(type, problem.type());
        assertEquals(type, RefusalProblems.type(refusal));
        assertEquals(reason, problem.reason());
        return problem;
    }

    @Test
    void eachRefusalIsItsProblemOfTheContract() {
        answer(Refusal.DEAL_NOT_TIPPED, Clash.class, "deal-not-tipped", Reason.of("deal-not-tipped"));
        answer(Refusal.REFUNDED, NoLongerUsable.class, "coupon-refunded", Reason.of("coupon-refunded"));
        answer(Refusal.VOID, NoLongerUsable.class, "coupon-void", Reason.of("coupon-void"));
        // the last valid day as the store counts days: 17:00 UTC is already the next day in Shanghai
        answer(
                Refusal.EXPIRED,
                NoLongerUsable.class,
                "coupon-expired",
                Reason.of("coupon-expired", LocalDate.of(2026, 3, 2)));
        answer(
                Refusal.NOT_VALID_AT_STORE,
                NotPermitted.class,
                "store-not-eligible",
                Reason.of("store-not-eligible", "Mitte"));
        Problem redeemed = answer(
                Refusal.ALREADY_REDEEMED,
                Clash.class,
                "already-redeemed",
                Reason.of("already-redeemed", "Kreuzberg", REDEEMED_AT.atZone(SHANGHAI)));
        assertEquals(
                Map.of("redeemedAt", "2026-02-27T09:30:00Z", "storeName", "Kreuzberg", "storeId", "store-2"),
                redeemed.extensions());
    }

    @Test
    void aCouponRedeemedAtAStoreThatIsGoneSaysSoWithoutAName() {
        Problem problem = RefusalProblems.of(Refusal.ALREADY_REDEEMED, coupon(null), HERE);

        assertEquals(Reason.of("already-redeemed.removed-store", REDEEMED_AT.atZone(SHANGHAI)), problem.reason());
        assertEquals("a store that was removed", problem.extensions().get("storeName"));
    }

    @Test
    void everyRefusalOfAHandedOverCouponIsADoubleUse() {
        assertEquals(
                Set.of(
                        "already-redeemed",
                        "coupon-expired",
                        "coupon-refunded",
                        "coupon-void",
                        "deal-not-tipped",
                        "store-not-eligible"),
                OfflineCounter.DOUBLE_USE_REASONS);
    }
}
