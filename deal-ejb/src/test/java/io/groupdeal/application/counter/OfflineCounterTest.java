package io.groupdeal.application.counter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.groupdeal.application.Wiring;
import io.groupdeal.application.problem.Clash;
import io.groupdeal.application.problem.InvalidInput;
import io.groupdeal.application.problem.NotFound;
import io.groupdeal.application.problem.NotPermitted;
import io.groupdeal.application.problem.Reason;
import io.groupdeal.domain.coupon.CouponCode;
import io.groupdeal.domain.redemption.DoubleUse;
import io.groupdeal.domain.redemption.Redemption;
import io.groupdeal.domain.store.Store;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OfflineCounterTest {

    private static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");
    private static final String CODE = "7K3M-9QXW-2BHR-C";
    private static final String KEY = "3f1c2a4e-0000-4000-8000-000000000001";

    private final CounterService counter = mock(CounterService.class);
    private final DoubleUses doubleUses = mock(DoubleUses.class);
    private final Store store = mock(Store.class);
    private OfflineCounter offline;

    @BeforeEach
    void wire() {
        when(store.id()).thenReturn("store-1");
        when(counter.stores()).thenReturn(List.of(store));
        offline = Wiring.wire(
                new OfflineCounter(),
                counter,
                doubleUses,
                Wiring.merchantAdmin("t1"),
                Clock.fixed(NOW, ZoneOffset.UTC));
    }

    /** The phone's redemption of CODE under KEY at store-1, handed over at {@code redeemedOfflineAt}. */
    private OfflineCounter.Synced atStore1(Instant redeemedOfflineAt) {
        return offline.sync(KEY, CODE, "store-1", redeemedOfflineAt);
    }

    @Test
    void aCouponStillRedeemableIsRedeemedUnderTheClientId() {
        Redemption done = mock(Redemption.class);
        when(counter.redeem(KEY, CODE, "store-1")).thenReturn(done);
        OfflineCounter.Synced synced = atStore1(NOW.minusSeconds(600));
        assertSame(done, synced.redemption());
        assertNull(synced.doubleUse());
        verify(doubleUses, never()).record(any(), any(), any(), any(), any());
    }

    @Test
    void aCouponRedeemedElsewhereMeanwhileIsADoubleUseNeverDropped() {
        when(counter.redeem(KEY, CODE, "store-1"))
                .thenThrow(new Clash("already-redeemed", Reason.of("already-redeemed", "elsewhere", NOW)));
        DoubleUse use = mock(DoubleUse.class);
        Instant handedOver = NOW.minusSeconds(600);
        when(doubleUses.record(KEY, CouponCode.parse(CODE).orElseThrow(), "store-1", handedOver, "already-redeemed"))
                .thenReturn(Optional.of(use));
        assertSame(use, atStore1(handedOver).doubleUse());
    }

    @Test
    void otherRefusalsAreAnsweredAsTheRedemptionsAndRecordNothing() {
        when(counter.redeem(KEY, CODE, "store-1"))
                .thenThrow(new NotFound("unknown-coupon", Reason.of("unknown-coupon")));
        assertThrows(NotFound.class, () -> atStore1(NOW));
        verify(doubleUses, never()).record(any(), any(), any(), any(), any());
    }

    @Test
    void needsTheClientIdAStoreOfTheCallerAndAPlausibleTime() {
        assertEquals(
                "idempotency-key-missing",
                assertThrows(InvalidInput.class, () -> offline.sync(null, CODE, "store-1", NOW))
                        .type());
        assertThrows(
                InvalidInput.class,
                () -> atStore1(NOW.plus(OfflineCounter.CLOCK_SKEW).plusSeconds(1)));
        assertThrows(
                InvalidInput.class,
                () -> atStore1(NOW.minus(OfflineCounter.OLDEST_OFFLINE).minusSeconds(1)));
        assertThrows(NotPermitted.class, () -> offline.sync(KEY, CODE, "store-2", NOW));
        verify(counter, never()).redeem(any(), any(), any());
    }
}
