package io.groupdeal.application.coupon;

import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.groupdeal.application.Timeouts;
import io.groupdeal.application.Wiring;
import io.groupdeal.domain.coupon.Coupon;
import io.groupdeal.domain.coupon.CouponRepository;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One coupon that fails to move does not hold up the others; reminders look {@code REMINDER_AHEAD} ahead. */
class CouponExpiryTest {

    static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");

    private final CouponRepository coupons = mock(CouponRepository.class);
    private final CouponChanges changes = mock(CouponChanges.class);
    private final CouponExpiry expiry =
            Wiring.wire(new CouponExpiry(), coupons, changes, Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void aFailingCouponDoesNotStopTheOthersNorTheReminders() {
        Coupon first = CouponChangesTest.coupon(false);
        Coupon second = CouponChangesTest.coupon(true);
        Coupon reminded = CouponChangesTest.coupon(false);
        when(coupons.dueToExpire(org.mockito.ArgumentMatchers.eq(NOW), anyInt()))
                .thenReturn(List.of(first, second));
        when(coupons.dueForReminder(
                        org.mockito.ArgumentMatchers.eq(NOW),
                        org.mockito.ArgumentMatchers.eq(NOW.plus(CouponExpiry.REMINDER_AHEAD)),
                        anyInt()))
                .thenReturn(List.of(reminded));
        doThrow(new IllegalStateException("deadlock")).when(changes).expire(first, NOW);

        Timeouts.fire(expiry);

        verify(changes).expire(second, NOW);
        verify(changes).remind(reminded, NOW);
    }
}
