package io.groupdeal.application.coupon;

import io.groupdeal.application.ScheduledJob;
import io.groupdeal.domain.coupon.Coupon;
import io.groupdeal.domain.coupon.CouponRepository;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every 5 seconds: ACTIVE coupons past their validity expire (and are refunded when their deal says so), and buyers
 * whose coupons expire within {@link #REMINDER_AHEAD} get one reminder each. Each coupon is one transaction of
 * {@link CouponChanges}, decided by a conditional update, so that any number of instances may run it.
 */
@Singleton
@Startup
// Its timer starts with the bean: only once the schema is up to date.
@DependsOn("DatabaseMigration")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class CouponExpiry extends ScheduledJob {

    static final Duration REMINDER_AHEAD = Duration.ofDays(3);
    private static final int BATCH = 200;
    private static final Logger LOG = Logger.getLogger(CouponExpiry.class.getName());

    @Inject
    private CouponRepository coupons;

    @EJB
    private CouponChanges changes;

    @Inject
    private Clock clock;

    public CouponExpiry() {
        super("Coupon expiry", 5);
    }

    @Override
    protected void work() {
        Instant now = clock.instant();
        List<Coupon> expired = coupons.dueToExpire(now, BATCH);
        expired.forEach(c -> each(() -> changes.expire(c, now), c));
        coupons.dueForReminder(now, now.plus(REMINDER_AHEAD), BATCH)
                .forEach(c -> each(() -> changes.remind(c, now), c));
        if (!expired.isEmpty()) {
            LOG.info(() -> expired.size() + " coupons expired");
        }
    }

    private static void each(Runnable change, Coupon coupon) {
        try {
            change.run();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Coupon " + coupon.id() + " not moved on time; the next run tries again", e);
        }
    }
}
