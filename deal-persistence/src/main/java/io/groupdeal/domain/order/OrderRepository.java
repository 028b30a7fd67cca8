package io.groupdeal.domain.order;

import io.groupdeal.domain.shared.NativeSql;
import io.groupdeal.domain.shared.RequestKey;
import io.groupdeal.domain.shared.Row;
import io.groupdeal.domain.shared.TenantId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Orders, their idempotency keys and the buyers' per-deal counts. Native statements, each naming {@code tenant_id}:
 * a buyer's own orders are read across tenants by the buyer's id, and every change of state is a conditional update
 * whose row count says whether this caller made it, so two instances never settle one order twice.
 */
@ApplicationScoped
public class OrderRepository {

    private static final String COLUMNS = "tenant_id, id, deal_id, buyer_id, quantity, unit_price, amount, currency,"
            + " status, payment_ref, created_at, option_id";

    @Inject
    private NativeSql sql;

    /** The first use of a buyer's idempotency key; false when the key was used before (its row is then committed). */
    public boolean claimKey(RequestKey key, String requestHash, TenantId tenant, String orderId, Instant now) {
        return sql.insertUnlessDuplicate(
                "INSERT INTO order_request (buyer_id, idempotency_key, request_hash, tenant_id,"
                        + " order_id, created_at) VALUES (?, ?, ?, ?, ?, ?)",
                List.of(key.account().value(), key.key(), requestHash, tenant.value(), orderId, now));
    }

    public record KeyUse(String requestHash, String tenantId, String orderId) {}

    /** The committed use of a key; a locking read, so it sees what a parallel transaction committed a moment ago. */
    public Optional<KeyUse> keyUse(RequestKey key) {
        return sql.first(
                "SELECT request_hash, tenant_id, order_id FROM order_request WHERE buyer_id = ? AND idempotency_key = ?"
                        + " LOCK IN SHARE MODE",
                List.of(key.account().value(), key.key()),
                r -> new KeyUse(r.string("request_hash"), r.string("tenant_id"), r.string("order_id")));
    }

    /**
     * The buyer's count row for the deal, made when missing (at zero). From the buyer's second purchase of the deal on,
     * the row is there: the key clause leaves it as it is, where a plain insert would be refused with an error that the
     * driver and this helper turn into two exceptions, on every such purchase.
     */
    public void ensureQuota(BuyerQuota quota) {
        sql.update(
                "INSERT INTO buyer_quota (tenant_id, deal_id, buyer_id, bought) VALUES (?, ?, ?, 0)"
                        + " ON DUPLICATE KEY UPDATE bought = bought",
                List.of(quota.tenant().value(), quota.dealId(), quota.buyer().value()));
    }

    /**
     * Counts {@code quantity} more coupons against the buyer's limit for the deal; false when that would pass it.
     * The row must exist ({@link #ensureQuota}).
     */
    public boolean takeQuota(BuyerQuota quota, int quantity, int limit) {
        return sql.changesOne(
                "UPDATE buyer_quota SET bought = bought + ? WHERE tenant_id = ? AND deal_id = ? AND buyer_id = ?"
                        + " AND bought + ? <= ?",
                quotaChange(quota, quantity, limit));
    }

    /**
     * Writes a RESERVED order whose payment must be settled by {@code expiresAt}. The expiry is also the reservation's
     * hold: whoever wrote it last (this request, or a {@link #claimReservation claim} of the reconciler) is the one
     * that may settle the order as {@link #paid}; it is kept to the microsecond, as the column keeps it.
     */
    public void reserve(Order order, Instant expiresAt) {
        if (order.optionId() == null) {
            throw new IllegalArgumentException("an order is for one option of its deal");
        }
        sql.update(
                "INSERT INTO purchase_order (" + COLUMNS
                        + ", expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'RESERVED', NULL, ?, ?, ?)",
                List.of(
                        order.tenantId(),
                        order.id(),
                        order.dealId(),
                        order.buyerId(),
                        order.quantity(),
                        order.unitPrice(),
                        order.amount(),
                        order.currency(),
                        order.createdAt(),
                        order.optionId(),
                        held(expiresAt)));
    }

    /**
     * RESERVED → PENDING (authorised) or CONFIRMED (captured) with the payment's reference, by the reservation's holder
     * only: {@code heldUntil} is the expiry its holder wrote ({@link #reserve}, {@link #claimReservation}). True for the
     * one caller that made the move (and so issues the coupons).
     *
     * <p>Why the hold: the reconciler that claimed an expired reservation cancels the order's key at the gateway, which
     * voids an authorisation that landed a moment before. A buyer's request still holding that authorisation's answer
     * must then confirm nothing, or its order would be paid by a voided authorisation. The claim moved the expiry, so
     * that request's update no longer matches; it answers what the reconciler made of the order.
     */
    public boolean paid(
            String tenantId, String orderId, Instant heldUntil, String paymentRef, boolean captured, Instant now) {
        return sql.changesOne(
                "UPDATE purchase_order SET status = ?, payment_ref = ?, captured_at = ?, expires_at = NULL"
                        + " WHERE tenant_id = ? AND id = ? AND status = 'RESERVED' AND expires_at = ?",
                Arrays.asList(
                        captured ? OrderStatus.CONFIRMED.name() : OrderStatus.PENDING.name(),
                        paymentRef,
                        captured ? now : null,
                        tenantId,
                        orderId,
                        held(heldUntil)));
    }

    /**
     * RESERVED → DECLINED or CANCELLED, the order's stock and quota to be given back; true for the one caller that
     * made the move (and so gives them back).
     */
    public boolean release(String tenantId, String orderId, OrderStatus status, Instant now) {
        return move(
                tenantId,
                orderId,
                OrderStatus.RESERVED,
                "status = ?, closed_at = ?, released_at = ?, expires_at = NULL",
                status.name(),
                now,
                now);
    }

    /** Gives back {@code quantity} coupons of the buyer's count for the deal (a released reservation). */
    public void returnQuota(BuyerQuota quota, int quantity) {
        sql.update(
                "UPDATE buyer_quota SET bought = bought - ? WHERE tenant_id = ? AND deal_id = ? AND buyer_id = ?"
                        + " AND bought >= ?",
                quotaChange(quota, quantity));
    }

    /**
     * The parameters of a change of the buyer's count by {@code quantity}: the quantity, the count's row, the quantity
     * again for the bound the change must keep, and what else that bound needs ({@code bound}).
     */
    private static List<Object> quotaChange(BuyerQuota quota, int quantity, Object... bound) {
        List<Object> parameters = new ArrayList<>(List.of(
                quantity, quota.tenant().value(), quota.dealId(), quota.buyer().value(), quantity));
        parameters.addAll(Arrays.asList(bound));
        return parameters;
    }

    /** RESERVED orders whose reservation ran out, across tenants, oldest first: what the reconciler settles. */
    public List<Order> expiredReservations(Instant now, int limit) {
        return sql.rows(
                "SELECT " + COLUMNS + " FROM purchase_order WHERE status = 'RESERVED' AND expires_at <= ?"
                        + " ORDER BY expires_at LIMIT ?",
                List.of(now, limit),
                OrderRepository::order);
    }

    /**
     * Takes an expired reservation for settling until {@code until}: true for the one instance that moved it, which
     * the others then leave alone until the claim runs out. {@code until} becomes the reservation's hold: only its
     * claimant may now settle it as {@link #paid}, the buyer's request no longer.
     */
    public boolean claimReservation(String tenantId, String orderId, Instant now, Instant until) {
        return sql.changesOne(
                "UPDATE purchase_order SET expires_at = ? WHERE tenant_id = ? AND id = ? AND status = 'RESERVED'"
                        + " AND expires_at <= ?",
                List.of(held(until), tenantId, orderId, now));
    }

    /** An expiry as the column keeps it (microseconds), so that the holder's copy compares equal. */
    private static Instant held(Instant expiry) {
        return expiry.truncatedTo(ChronoUnit.MICROS);
    }

    /** PENDING → CONFIRMED; true for the one caller that made the move (and so captures the payment). */
    public boolean confirm(String tenantId, String orderId, Instant now) {
        return move(tenantId, orderId, OrderStatus.PENDING, "status = 'CONFIRMED', captured_at = ?", now);
    }

    /** PENDING → CANCELLED; true for the one caller that made the move (and so voids the authorisation). */
    public boolean cancelPending(String tenantId, String orderId, Instant now) {
        return move(tenantId, orderId, OrderStatus.PENDING, "status = 'CANCELLED', closed_at = ?", now);
    }

    /**
     * PENDING → CANCELLED with its stock and quota to be given back (a team that did not fill: the deal goes on, so
     * its coupons return to sale); true for the one caller that made the move (and so voids and gives back).
     */
    public boolean cancelAndRelease(String tenantId, String orderId, Instant now) {
        return move(
                tenantId,
                orderId,
                OrderStatus.PENDING,
                "status = 'CANCELLED', closed_at = ?, released_at = ?",
                now,
                now);
    }

    /**
     * One move of the order out of {@code from}, setting {@code assignments} to {@code values}: a conditional update
     * whose row count says whether this caller made the move (true for exactly one of any number of callers).
     */
    private boolean move(String tenantId, String orderId, OrderStatus from, String assignments, Object... values) {
        List<Object> parameters = new ArrayList<>(Arrays.asList(values));
        parameters.addAll(List.of(tenantId, orderId, from.name()));
        return sql.changesOne(
                "UPDATE purchase_order SET " + assignments + " WHERE tenant_id = ? AND id = ? AND status = ?",
                parameters);
    }

    /** After coupons were refunded: REFUNDED when none is left in use, else PARTIALLY_REFUNDED. */
    public void markRefunded(String tenantId, String orderId, Instant now) {
        sql.update(
                "UPDATE purchase_order o SET o.status = CASE WHEN EXISTS (SELECT 1 FROM coupon c WHERE c.tenant_id = o.tenant_id"
                        + " AND c.order_id = o.id AND c.status IN ('PENDING', 'ACTIVE', 'REDEEMED', 'EXPIRED')) THEN 'PARTIALLY_REFUNDED'"
                        + " ELSE 'REFUNDED' END, o.closed_at = ? WHERE o.tenant_id = ? AND o.id = ? AND o.status IN"
                        + " ('CONFIRMED', 'PARTIALLY_REFUNDED')",
                List.of(now, tenantId, orderId));
    }

    public Optional<Order> find(String tenantId, String orderId) {
        return sql.first(
                "SELECT " + COLUMNS + " FROM purchase_order WHERE tenant_id = ? AND id = ?",
                List.of(tenantId, orderId),
                OrderRepository::order);
    }

    /** One of the buyer's own orders, whatever the tenant; another buyer's order is not found. */
    public Optional<Order> ofBuyer(String buyerId, String orderId) {
        return sql.first(
                "SELECT " + COLUMNS + " FROM purchase_order WHERE buyer_id = ? AND id = ?",
                List.of(buyerId, orderId),
                OrderRepository::order);
    }

    /** The buyer's orders, newest first. */
    public List<Order> ofBuyer(String buyerId, int page, int size) {
        return sql.rows(
                "SELECT " + COLUMNS + " FROM purchase_order WHERE buyer_id = ? ORDER BY created_at DESC, id DESC"
                        + " LIMIT ? OFFSET ?",
                List.of(buyerId, size, page * size),
                OrderRepository::order);
    }

    public long countOfBuyer(String buyerId) {
        return sql.one(
                "SELECT COUNT(*) AS n FROM purchase_order WHERE buyer_id = ?", List.of(buyerId), r -> r.count("n"));
    }

    /** PENDING orders of a deal, oldest first, at most {@code limit}: a batch of capturing or voiding. */
    public List<Order> pendingOfDeal(String tenantId, String dealId, int limit) {
        return sql.rows(
                "SELECT " + COLUMNS + " FROM purchase_order WHERE tenant_id = ? AND deal_id = ? AND status = 'PENDING'"
                        + " ORDER BY id LIMIT ?",
                List.of(tenantId, dealId, limit),
                OrderRepository::order);
    }

    /** Whether the order pays a seat of a team (a team buy): its team, not its deal, decides its capture. */
    public boolean paysTeamSeat(String tenantId, String orderId) {
        return sql.any("SELECT 1 FROM team_member WHERE tenant_id = ? AND order_id = ?", List.of(tenantId, orderId));
    }

    /**
     * PENDING orders of a deal that pay no team seat, oldest first: what its tipping captures (a team member's order is
     * captured when the team fills, never by the deal's tipping).
     */
    public List<Order> pendingOutsideTeams(String tenantId, String dealId, int limit) {
        return sql.rows(
                "SELECT " + COLUMNS
                        + " FROM purchase_order o WHERE o.tenant_id = ? AND o.deal_id = ? AND o.status = 'PENDING'"
                        + " AND NOT EXISTS (SELECT 1 FROM team_member m WHERE m.tenant_id = o.tenant_id AND m.order_id = o.id)"
                        + " ORDER BY o.id LIMIT ?",
                List.of(tenantId, dealId, limit),
                OrderRepository::order);
    }

    /** Captured orders of a deal with coupons still ACTIVE, oldest first: what cancelling the deal must refund. */
    public List<Order> refundableOfDeal(String tenantId, String dealId, int limit) {
        return sql.rows(
                "SELECT " + COLUMNS + " FROM purchase_order o WHERE o.tenant_id = ? AND o.deal_id = ?"
                        + " AND o.status IN ('CONFIRMED', 'PARTIALLY_REFUNDED') AND EXISTS (SELECT 1 FROM coupon c"
                        + " WHERE c.tenant_id = o.tenant_id AND c.order_id = o.id AND c.status = 'ACTIVE') ORDER BY o.id LIMIT ?",
                List.of(tenantId, dealId, limit),
                OrderRepository::order);
    }

    private static Order order(Row r) {
        return new Order(
                r.string("tenant_id"),
                r.string("id"),
                r.string("deal_id"),
                r.string("buyer_id"),
                r.intValue("quantity"),
                r.decimal("unit_price"),
                r.decimal("amount"),
                r.string("currency"),
                OrderStatus.valueOf(r.string("status")),
                r.string("payment_ref"),
                r.instant("created_at"),
                r.string("option_id"));
    }
}
