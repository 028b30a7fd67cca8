package io.groupdeal.application.mail;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.groupdeal.application.ScheduledJob;
import io.groupdeal.application.Timeouts;
import io.groupdeal.application.Wiring;
import io.groupdeal.application.coupon.CouponExpiry;
import io.groupdeal.application.order.SettlementJob;
import io.groupdeal.domain.coupon.Coupon;
import io.groupdeal.domain.coupon.CouponRepository;
import io.groupdeal.domain.deal.DealRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The scheduled jobs (mail delivery and retention, settlement, coupon expiry) keep {@link ScheduledJob}'s rule: a run
 * that fails (the database away for a moment) is logged and never reaches the EJB timer, which would drop its schedule
 * for good after two failures in a row; the next run goes on.
 */
class ScheduledJobsTest {

    private final AtomicInteger attempts = new AtomicInteger();

    @Test
    void settlementGoesOnAfterAFailedRun() throws Exception {
        SettlementJob job = new SettlementJob();
        Wiring.configure(job, "deals", new DealRepository() {
            @Override
            public List<DealRef> settlementDue(int limit) {
                throw away();
            }
        });
        twice(job);
    }

    @Test
    void couponExpiryGoesOnAfterAFailedRun() throws Exception {
        CouponExpiry job = new CouponExpiry();
        Wiring.configure(job, "clock", Clock.systemUTC());
        Wiring.configure(job, "coupons", new CouponRepository() {
            @Override
            public List<Coupon> dueToExpire(Instant now, int limit) {
                throw away();
            }
        });
        twice(job);
    }

    @Test
    void mailDeliveryGoesOnAfterAFailedRun() throws Exception {
        MailDelivery job = new MailDelivery();
        Wiring.configure(job, "outbox", failingOutbox());
        twice(job);
    }

    @Test
    void mailRetentionGoesOnAfterAFailedRun() throws Exception {
        MailRetention job = new MailRetention();
        Wiring.configure(job, "clock", Clock.systemUTC());
        Wiring.configure(job, "keep", Duration.ofDays(30));
        Wiring.configure(job, "outbox", failingOutbox());
        twice(job);
    }

    private Outbox failingOutbox() {
        return new Outbox() {
            @Override
            List<String> due(int limit) {
                throw away();
            }

            @Override
            public int deleteSentBefore(Instant cutoff, int limit) {
                throw away();
            }
        };
    }

    private IllegalStateException away() {
        attempts.incrementAndGet();
        return new IllegalStateException("the database is away");
    }

    private void twice(ScheduledJob job) {
        assertDoesNotThrow(() -> Timeouts.fire(job), "a failed run stays inside the job");
        assertDoesNotThrow(() -> Timeouts.fire(job), "a failed run stays inside the job");
        assertEquals(2, attempts.get(), "the run after a failed one went on");
    }
}
