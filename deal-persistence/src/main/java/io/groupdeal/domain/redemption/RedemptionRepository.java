package io.groupdeal.domain.redemption;

import io.groupdeal.domain.coupon.CouponCode;
import io.groupdeal.domain.coupon.CouponStatus;
import io.groupdeal.domain.deal.DealStatus;
import io.groupdeal.domain.deal.OptionTitles;
import io.groupdeal.domain.report.StaleHours;
import io.groupdeal.domain.shared.Ids;
import io.groupdeal.domain.shared.NativeSql;
import io.groupdeal.domain.shared.Row;
import io.groupdeal.domain.throttle.Limit;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Redemptions of one tenant (every statement names it). The two invariants of the counter, each kept by the database:
 *
 * <ul>
 *   <li><b>One redemption per coupon.</b> A coupon is redeemed by one conditional update of an ACTIVE, still valid
 *       coupon, and the row count decides who redeemed it ({@link #redeem}); a parallel redemption of the same coupon
 *       waits for the row and then finds it REDEEMED.</li>
 *   <li><b>One answer per idempotency key.</b> The key is kept in the REDEEM event's row, under a unique key of
 *       (tenant, account, key): the key and its redemption are one write and commit together or not at all
 *       ({@link #redeem}). A key used before is found by the desk read ({@link #desk}) and answered with its
 *       redemption; a parallel request with the same key either waits for the coupon row (same code) or for the
 *       event's unique key (another code) and then finds the key used.</li>
 * </ul>
 *
 * An undo is a unique event per redemption and one conditional update back to ACTIVE. The history is only ever
 * appended to. Both keep the dashboard's summaries right in the same transaction: the redemption sets the coupon's
 * own {@code summary_mark} in its update (no row of its own), the undo inserts marks of the coupon's hours, the one
 * of the redemption it loses included ({@link StaleHours}; {@code HourSummaries} says why either suffices).
 */
@ApplicationScoped
public class RedemptionRepository {

    private static final String REDEMPTIONS =
            "SELECT r.id, r.coupon_id, c.code, d.title, r.store_id, s.name AS store_name,"
                    + " r.account_id, a.name AS account_name, r.occurred_at, u.occurred_at AS undone_at, ua.name AS undone_by, u.reason"
                    + " FROM redemption_event r"
                    + " JOIN coupon c ON c.tenant_id = r.tenant_id AND c.id = r.coupon_id"
                    + " JOIN deal d ON d.tenant_id = c.tenant_id AND d.id = c.deal_id"
                    + " LEFT JOIN store s ON s.tenant_id = r.tenant_id AND s.id = r.store_id"
                    + " LEFT JOIN account a ON a.id = r.account_id"
                    + " LEFT JOIN redemption_event u ON u.tenant_id = r.tenant_id AND u.redemption_id = r.id AND u.kind = 'UNDO'"
                    + " LEFT JOIN account ua ON ua.id = u.account_id"
                    + " WHERE r.tenant_id = ? AND r.kind = 'REDEEM'";

    private static final String DESK =
            "SELECT t.window_start, t.attempts, s.id AS store_id, s.name AS store_name, s.time_zone,"
                    + " EXISTS (SELECT 1 FROM staff_assignment a WHERE a.tenant_id = ? AND a.staff_id = ? AND a.store_id = s.id) AS assigned,"
                    + " c.id AS coupon_id, c.status, c.deal_id, d.title, d.fine_print, c.valid_until, o.quantity, c.redeemed_at,"
                    + " c.redeemed_store_id, rs.name AS redeemed_store_name,"
                    + " NOT EXISTS (SELECT 1 FROM deal_store x WHERE x.tenant_id = c.tenant_id AND x.deal_id = c.deal_id)"
                    + " OR EXISTS (SELECT 1 FROM deal_store x WHERE x.tenant_id = c.tenant_id AND x.deal_id = c.deal_id AND x.store_id = ?)"
                    + " AS valid_here, " + OptionTitles.ofCoupon("c") + " AS option_title,"
                    + " k.id AS key_redemption_id, k.coupon_id AS key_coupon_id, k.store_id AS key_store_id"
                    + " FROM (SELECT 1 AS one) one"
                    + " LEFT JOIN throttle t ON t.subject = ?"
                    + " LEFT JOIN store s ON s.tenant_id = ? AND s.id = ? AND s.archived_at IS NULL"
                    + " LEFT JOIN coupon c ON c.tenant_id = ? AND c.code = ?"
                    + " LEFT JOIN deal d ON d.tenant_id = c.tenant_id AND d.id = c.deal_id"
                    + " LEFT JOIN purchase_order o ON o.tenant_id = c.tenant_id AND o.id = c.order_id"
                    + " LEFT JOIN store rs ON rs.tenant_id = c.tenant_id AND rs.id = c.redeemed_store_id"
                    + " LEFT JOIN redemption_event k ON k.tenant_id = ? AND k.account_id = ? AND k.idempotency_key = ?";

    @Inject
    private NativeSql sql;

    @Inject
    private StaleHours stale;

    /**
     * What a counter request checks, in one statement ({@link CounterDesk}): the guessing window of {@code
     * guessingSubject}, the tenant's store {@code storeId} if in use, whether {@code accountId} is assigned to it, the
     * tenant's coupon of {@code code} (none when null) with whether it is valid at that store, and the redemption
     * that {@code accountId} made with {@code idempotencyKey} (none when null). A plain read: it locks nothing, so
     * that a failed attempt counted right after (on the guessing row) and the redemption's own conditional update
     * never wait for it; at READ COMMITTED it sees every redemption committed before it started.
     */
    public CounterDesk desk(
            String tenantId,
            String accountId,
            String guessingSubject,
            String storeId,
            CouponCode code,
            String idempotencyKey) {
        String store = storeId == null ? "" : storeId;
        return sql.one(
                DESK,
                List.of(
                        tenantId,
                        accountId,
                        store,
                        guessingSubject,
                        tenantId,
                        store,
                        tenantId,
                        code == null ? "" : code.stored(),
                        tenantId,
                        accountId,
                        idempotencyKey == null ? "" : idempotencyKey),
                r -> {
                    Integer attempts = r.nullableInt("attempts");
                    Limit.Window guessing = attempts == null || attempts == 0
                            ? null
                            : new Limit.Window(r.instant("window_start"), attempts);
                    Optional<CounterStore> counterStore = r.string("store_id") == null
                            ? Optional.empty()
                            : Optional.of(new CounterStore(
                                    r.string("store_id"), r.string("store_name"), r.string("time_zone")));
                    Optional<CounterCoupon> coupon = r.string("coupon_id") == null
                            ? Optional.empty()
                            : Optional.of(new CounterCoupon(
                                    tenantId,
                                    r.string("coupon_id"),
                                    code,
                                    CouponStatus.valueOf(r.string("status")),
                                    r.string("deal_id"),
                                    r.string("title"),
                                    r.string("fine_print"),
                                    r.instant("valid_until"),
                                    r.nullableInt("quantity"),
                                    r.instant("redeemed_at"),
                                    r.string("redeemed_store_id"),
                                    r.string("redeemed_store_name"),
                                    r.flag("valid_here"),
                                    r.string("option_title")));
                    Optional<KeyUse> keyUse = r.string("key_redemption_id") == null
                            ? Optional.empty()
                            : Optional.of(new KeyUse(
                                    r.string("key_redemption_id"),
                                    r.string("key_coupon_id"),
                                    r.string("key_store_id")));
                    return new CounterDesk(guessing, counterStore, r.flag("assigned"), coupon, keyUse);
                });
    }

    /** What became of a redemption's two writes ({@link #redeem}). */
    public enum Outcome {
        /** The coupon is redeemed and its event written, with the key: both committed. */
        REDEEMED,
        /** The coupon was not ACTIVE and valid, or the store not in use: nothing was written. */
        NOT_REDEEMABLE,
        /** A parallel request used the key for another redemption first: this one was rolled back. */
        KEY_USED
    }

    /**
     * Redeems the coupon at the store and writes the REDEEM event with the request's idempotency key (null: none), as
     * one transaction of its own ({@link NativeSql#transaction}: four requests to the database); run outside any
     * other transaction.
     *
     * <p>First the conditional update: ACTIVE and valid at {@code now} → REDEEMED at the store, and its row count
     * decides who redeemed the coupon. The store must still be in use: joined in the update, its row is read with a
     * shared lock (InnoDB locks the rows it reads from the other tables of a multi-table update, also under READ
     * COMMITTED) held to the commit, so a redemption there and the store's deletion or archiving ({@code
     * StoreRepository.lock}) never overlap and the history never names a store that was deleted meanwhile. The same
     * update marks the coupon's hours stale for the dashboard: a fresh {@code summary_mark} in the coupon's row, which
     * commits with the redemption (the hours of the coupon as they are after it, as {@link StaleHours#coupon} marks
     * them; {@code HourSummaries} reads it).
     *
     * <p>Then the event, with the key. When the account used the key meanwhile for another redemption, committed by
     * a parallel request (the unique key made this insert wait for it), the whole transaction is rolled back: {@link
     * Outcome#KEY_USED}, and the caller answers that key's use ({@link #keyUse}).
     */
    public Outcome redeem(
            String tenantId,
            String redemptionId,
            String couponId,
            String storeId,
            String accountId,
            Instant now,
            String idempotencyKey) {
        try {
            return sql.transaction(() -> {
                if (!redeemCoupon(tenantId, couponId, storeId, now)) {
                    return Outcome.NOT_REDEEMABLE;
                }
                if (!recordRedeem(tenantId, redemptionId, couponId, storeId, accountId, now, idempotencyKey)) {
                    throw new KeyUsed();
                }
                return Outcome.REDEEMED;
            });
        } catch (KeyUsed e) {
            return Outcome.KEY_USED;
        }
    }

    /** Rolls a redemption back whose key a parallel request used first. */
    private static final class KeyUsed extends RuntimeException {
        KeyUsed() {
            super("idempotency key used meanwhile", null, false, false);
        }
    }

    private boolean redeemCoupon(String tenantId, String couponId, String storeId, Instant now) {
        return sql.update(
                        "UPDATE coupon c JOIN store s ON s.tenant_id = c.tenant_id AND s.id = ? AND s.archived_at IS NULL"
                                + " SET c.status = 'REDEEMED', c.redeemed_at = ?, c.redeemed_store_id = s.id, c.summary_mark = ?"
                                + " WHERE c.tenant_id = ? AND c.id = ? AND c.status = 'ACTIVE' AND c.valid_until > ?",
                        List.of(storeId, now, Ids.newId(), tenantId, couponId, now))
                == 1;
    }

    /** The REDEEM event; false for a key the account used for another redemption (a duplicate of the unique key). */
    private boolean recordRedeem(
            String tenantId,
            String id,
            String couponId,
            String storeId,
            String accountId,
            Instant at,
            String idempotencyKey) {
        List<Object> parameters = new ArrayList<>(List.of(tenantId, id, id, couponId, storeId, accountId, at));
        parameters.add(idempotencyKey);
        return sql.insertUnlessDuplicate(
                "INSERT INTO redemption_event (tenant_id, id, kind, redemption_id, coupon_id, store_id, account_id,"
                        + " occurred_at, idempotency_key) VALUES (?, ?, 'REDEEM', ?, ?, ?, ?, ?, ?)",
                parameters);
    }

    /**
     * Undoes a redemption: its UNDO event (at most one per redemption: false when it was undone already) and the
     * coupon back to ACTIVE, only while it is still redeemed by this very redemption.
     */
    public boolean undo(
            String tenantId, Redemption redemption, String undoId, String accountId, String reason, Instant now) {
        if (!sql.insertUnlessDuplicate(
                "INSERT INTO redemption_event (tenant_id, id, kind, redemption_id, coupon_id, store_id,"
                        + " account_id, occurred_at, reason) VALUES (?, ?, 'UNDO', ?, ?, ?, ?, ?, ?)",
                List.of(
                        tenantId,
                        undoId,
                        redemption.id(),
                        redemption.couponId(),
                        redemption.storeId(),
                        accountId,
                        now,
                        reason))) {
            return false;
        }
        boolean undone = sql.update(
                        "UPDATE coupon SET status = 'ACTIVE', redeemed_at = NULL, redeemed_store_id = NULL"
                                + " WHERE tenant_id = ? AND id = ? AND status = 'REDEEMED' AND redeemed_at = ?",
                        List.of(tenantId, redemption.couponId(), redemption.redeemedAt()))
                == 1;
        if (undone) {
            // the coupon's hours now, and the hour of the redemption it no longer has
            stale.coupon(tenantId, redemption.couponId(), redemption.redeemedAt());
        }
        return undone;
    }

    /**
     * The status of the coupon's deal, read with a shared lock on the deal row held to the end of the transaction:
     * a cancellation of the deal (which updates that row) cannot commit in between, so what the caller decides from
     * it (an undo) is either before the cancellation, whose settlement then sees the coupon, or after it.
     */
    public Optional<DealStatus> lockDealOf(String tenantId, String couponId) {
        return sql.first(
                        "SELECT deal_id FROM coupon WHERE tenant_id = ? AND id = ?",
                        List.of(tenantId, couponId),
                        r -> r.string("deal_id"))
                .flatMap(dealId -> sql.first(
                        "SELECT status FROM deal WHERE tenant_id = ? AND id = ? LOCK IN SHARE MODE",
                        List.of(tenantId, dealId),
                        r -> DealStatus.valueOf(r.string("status"))));
    }

    public Optional<Redemption> find(String tenantId, String id) {
        return sql.first(REDEMPTIONS + " AND r.id = ?", List.of(tenantId, id), RedemptionRepository::redemption);
    }

    /** Redemptions in the window, newest first. */
    public List<Redemption> between(CounterWindow window, int page, int size) {
        return sql.rows(
                REDEMPTIONS + window.page("r", "occurred_at"),
                window.parameters(page, size),
                RedemptionRepository::redemption);
    }

    public long countBetween(CounterWindow window) {
        return sql.one(
                "SELECT COUNT(*) AS n FROM redemption_event r WHERE r.tenant_id = ? AND r.kind = 'REDEEM'"
                        + window.conditions("r", "occurred_at"),
                window.parameters(),
                r -> r.count("n"));
    }

    /** The redemption an account made with an idempotency key, and the request the key stood for: coupon and store. */
    public record KeyUse(String redemptionId, String couponId, String storeId) {}

    /**
     * The use of an idempotency key of the account. A plain read at READ COMMITTED, made after a duplicate key of
     * {@link #redeem} answered {@link Outcome#KEY_USED}: the parallel request that used the key has committed by then.
     */
    public Optional<KeyUse> keyUse(String tenantId, String accountId, String idempotencyKey) {
        return sql.first(
                "SELECT id, coupon_id, store_id FROM redemption_event WHERE tenant_id = ? AND account_id = ?"
                        + " AND idempotency_key = ?",
                List.of(tenantId, accountId, idempotencyKey),
                r -> new KeyUse(r.string("id"), r.string("coupon_id"), r.string("store_id")));
    }

    private static Redemption redemption(Row r) {
        return new Redemption(
                r.string("id"),
                r.string("coupon_id"),
                CouponCode.ofStored(r.string("code")).printed(),
                r.string("title"),
                r.string("store_id"),
                r.string("store_name"),
                r.string("account_id"),
                r.string("account_name"),
                r.instant("occurred_at"),
                r.instant("undone_at"),
                r.string("undone_by"),
                r.string("reason"));
    }
}
