package io.groupdeal.domain.coupon;

import io.groupdeal.domain.deal.OptionTitles;
import io.groupdeal.domain.report.StaleHours;
import io.groupdeal.domain.shared.NativeSql;
import io.groupdeal.domain.shared.Row;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Coupons. Every move between states is one conditional update on the state it leaves, and the row count decides:
 * a coupon is refunded at most once, activated once, voided once, whoever else tries at the same moment.
 * A buyer's coupons are read across tenants by the buyer's id; everything else names the tenant. Every change marks
 * the coupon's hours stale for the dashboard in the same transaction ({@link StaleHours}).
 */
@ApplicationScoped
public class CouponRepository {

    private static final String COLUMNS =
            "c.tenant_id, c.id, c.deal_id, d.title, c.order_id, c.buyer_id, c.code, c.status,"
                    + " c.price, c.currency, c.valid_until, c.created_at, c.redeemed_at, c.redeemed_store_id, c.refunded_at,"
                    + " d.refund_policy = 'ANYTIME' AS refundable_anytime, d.auto_refund_on_expiry, "
                    + OptionTitles.ofCoupon("c") + " AS option_title";
    private static final String FROM = " FROM coupon c JOIN deal d ON d.tenant_id = c.tenant_id AND d.id = c.deal_id";

    @Inject
    private NativeSql sql;

    @Inject
    private StaleHours stale;

    public void addAll(List<Coupon> coupons) {
        sql.batch(
                "INSERT INTO coupon (tenant_id, id, deal_id, order_id, buyer_id, code, status, price, currency, valid_until,"
                        + " created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                coupons.stream()
                        .map(c -> List.<Object>of(
                                c.tenantId(),
                                c.id(),
                                c.dealId(),
                                c.orderId(),
                                c.buyerId(),
                                c.code().stored(),
                                c.status().name(),
                                c.price(),
                                c.currency(),
                                c.validUntil(),
                                c.createdAt()))
                        .toList());
        coupons.stream()
                .collect(Collectors.groupingBy(
                        Coupon::tenantId, Collectors.mapping(Coupon::createdAt, Collectors.toList())))
                .forEach(stale::sold);
    }

    /** The order's coupons move from one state to another; answers how many moved (only those in {@code from}). */
    public int move(String tenantId, String orderId, CouponStatus from, CouponStatus to, Instant now) {
        String refunded = to == CouponStatus.REFUNDED ? ", refunded_at = ?" : "";
        List<Object> parameters = to == CouponStatus.REFUNDED
                ? List.of(to.name(), now, tenantId, orderId, from.name())
                : List.of(to.name(), tenantId, orderId, from.name());
        int moved = sql.update(
                "UPDATE coupon SET status = ?" + refunded + " WHERE tenant_id = ? AND order_id = ? AND status = ?",
                parameters);
        if (moved > 0) {
            stale.order(tenantId, orderId);
        }
        return moved;
    }

    /**
     * ACTIVE and still valid → REFUNDED, for one coupon; true for the one caller that refunded it (and so pays the
     * money back).
     */
    public boolean refund(String tenantId, String couponId, Instant now) {
        return changed(
                sql.changesOne(
                        "UPDATE coupon SET status = 'REFUNDED', refunded_at = ? WHERE tenant_id = ? AND id = ?"
                                + " AND status = 'ACTIVE' AND valid_until > ?",
                        List.of(now, tenantId, couponId, now)),
                tenantId,
                couponId);
    }

    /**
     * An ACTIVE coupon past its validity becomes EXPIRED, or REFUNDED when its deal refunds unused coupons on
     * expiry; true for the one caller that moved it.
     */
    public boolean expire(String tenantId, String couponId, boolean refund, Instant now) {
        return changed(
                sql.changesOne(
                        "UPDATE coupon SET status = ?, refunded_at = ? WHERE tenant_id = ? AND id = ? AND status = 'ACTIVE'"
                                + " AND valid_until <= ?",
                        java.util.Arrays.asList(
                                refund ? "REFUNDED" : "EXPIRED", refund ? now : null, tenantId, couponId, now)),
                tenantId,
                couponId);
    }

    /** Marks the coupon's hours stale when it {@code changed}; answers {@code changed}. */
    private boolean changed(boolean changed, String tenantId, String couponId) {
        if (changed) {
            stale.coupon(tenantId, couponId, null);
        }
        return changed;
    }

    /** Marks the expiry reminder of a coupon as written; true for the one caller that marked it. */
    public boolean markReminded(String tenantId, String couponId, Instant now) {
        return sql.changesOne(
                "UPDATE coupon SET reminded_at = ? WHERE tenant_id = ? AND id = ? AND reminded_at IS NULL",
                List.of(now, tenantId, couponId));
    }

    /** ACTIVE coupons whose validity ended, across tenants, oldest first. */
    public List<Coupon> dueToExpire(Instant now, int limit) {
        return list(
                " WHERE c.status = 'ACTIVE' AND c.valid_until <= ? ORDER BY c.valid_until LIMIT ?",
                List.of(now, limit));
    }

    /**
     * ACTIVE coupons that expire before {@code until} and whose buyer was not reminded yet, across tenants; only those
     * bought more than three days before they expire (a coupon bought the day before its end needs no reminder).
     */
    public List<Coupon> dueForReminder(Instant now, Instant until, int limit) {
        return list(
                " WHERE c.status = 'ACTIVE' AND c.valid_until > ? AND c.valid_until <= ? AND c.reminded_at IS NULL"
                        + " AND c.created_at < c.valid_until - INTERVAL 3 DAY ORDER BY c.valid_until LIMIT ?",
                List.of(now, until, limit));
    }

    public List<Coupon> ofOrder(String tenantId, String orderId) {
        return list(" WHERE c.tenant_id = ? AND c.order_id = ? ORDER BY c.id", List.of(tenantId, orderId));
    }

    /** One of the buyer's own coupons by its code, whatever the tenant; another buyer's code is not found. */
    public Optional<Coupon> ofBuyer(String buyerId, CouponCode code) {
        return list(" WHERE c.buyer_id = ? AND c.code = ?", List.of(buyerId, code.stored())).stream()
                .findFirst();
    }

    /** The buyer's coupons, newest first; only those in {@code status} when it is given. */
    public List<Coupon> ofBuyer(String buyerId, CouponStatus status, int page, int size) {
        return status == null
                ? list(
                        " WHERE c.buyer_id = ? ORDER BY c.created_at DESC, c.id LIMIT ? OFFSET ?",
                        List.of(buyerId, size, page * size))
                : list(
                        " WHERE c.buyer_id = ? AND c.status = ? ORDER BY c.created_at DESC, c.id LIMIT ? OFFSET ?",
                        List.of(buyerId, status.name(), size, page * size));
    }

    public long countOfBuyer(String buyerId, CouponStatus status) {
        return status == null
                ? sql.one("SELECT COUNT(*) AS n FROM coupon WHERE buyer_id = ?", List.of(buyerId), r -> r.count("n"))
                : sql.one(
                        "SELECT COUNT(*) AS n FROM coupon WHERE buyer_id = ? AND status = ?",
                        List.of(buyerId, status.name()),
                        r -> r.count("n"));
    }

    private List<Coupon> list(String where, List<?> parameters) {
        return sql.rows("SELECT " + COLUMNS + FROM + where, parameters, CouponRepository::coupon);
    }

    private static Coupon coupon(Row r) {
        return new Coupon(
                r.string("tenant_id"),
                r.string("id"),
                r.string("deal_id"),
                r.string("title"),
                r.string("order_id"),
                r.string("buyer_id"),
                CouponCode.ofStored(r.string("code")),
                CouponStatus.valueOf(r.string("status")),
                r.decimal("price"),
                r.string("currency"),
                r.instant("valid_until"),
                r.instant("created_at"),
                r.instant("redeemed_at"),
                r.string("redeemed_store_id"),
                r.instant("refunded_at"),
                r.flag("refundable_anytime"),
                r.flag("auto_refund_on_expiry"),
                r.string("option_title"));
    }
}
