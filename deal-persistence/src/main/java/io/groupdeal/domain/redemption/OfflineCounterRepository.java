package io.groupdeal.domain.redemption;

import io.groupdeal.domain.coupon.CouponCode;
import io.groupdeal.domain.shared.NativeSql;
import io.groupdeal.domain.shared.Row;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the counter on a phone needs from the database, on one tenant (every statement names it): the codes
 * redeemable at a store now, for the phone's list of hashes, and the double uses (one per account and client id).
 */
@ApplicationScoped
public class OfflineCounterRepository {

    private static final String DOUBLE_USES =
            "SELECT u.id, u.coupon_id, c.code, d.title, u.store_id, s.name AS store_name,"
                    + " u.account_id, a.name AS account_name, u.redeemed_offline_at, u.recorded_at, u.reason, u.other_store_id,"
                    + " os.name AS other_store_name, u.other_redeemed_at"
                    + " FROM double_use u"
                    + " JOIN coupon c ON c.tenant_id = u.tenant_id AND c.id = u.coupon_id"
                    + " JOIN deal d ON d.tenant_id = c.tenant_id AND d.id = c.deal_id"
                    + " LEFT JOIN store s ON s.tenant_id = u.tenant_id AND s.id = u.store_id"
                    + " LEFT JOIN store os ON os.tenant_id = u.tenant_id AND os.id = u.other_store_id"
                    + " LEFT JOIN account a ON a.id = u.account_id"
                    + " WHERE u.tenant_id = ?";

    @Inject
    private NativeSql sql;

    /**
     * The codes of the tenant's coupons that can be redeemed at the store now: ACTIVE, valid after {@code now}, of a
     * deal valid at every store or naming this one; at most {@code limit}, those valid longest first.
     */
    public List<CouponCode> redeemableAt(String tenantId, String storeId, Instant now, int limit) {
        return sql.rows(
                "SELECT c.code FROM coupon c WHERE c.tenant_id = ? AND c.status = 'ACTIVE' AND c.valid_until > ?"
                        + " AND (NOT EXISTS (SELECT 1 FROM deal_store x WHERE x.tenant_id = c.tenant_id AND x.deal_id = c.deal_id)"
                        + " OR EXISTS (SELECT 1 FROM deal_store x WHERE x.tenant_id = c.tenant_id AND x.deal_id = c.deal_id"
                        + " AND x.store_id = ?)) ORDER BY c.valid_until DESC LIMIT ?",
                List.of(tenantId, now, storeId, limit),
                r -> CouponCode.ofStored(r.string("code")));
    }

    /** The coupon of a code as it is now: id, where and when it was redeemed (null when it was not). */
    public record CouponNow(String id, String redeemedStoreId, Instant redeemedAt) {}

    public Optional<CouponNow> coupon(String tenantId, CouponCode code) {
        return sql.first(
                "SELECT id, redeemed_store_id, redeemed_at FROM coupon WHERE tenant_id = ? AND code = ?",
                List.of(tenantId, code.stored()),
                r -> new CouponNow(r.string("id"), r.string("redeemed_store_id"), r.instant("redeemed_at")));
    }

    /** Records a double use; false when the account recorded one under this client id already. */
    public boolean record(
            String tenantId,
            String id,
            String accountId,
            String clientId,
            String couponId,
            String storeId,
            Instant redeemedOfflineAt,
            Instant now,
            String reason,
            String otherStoreId,
            Instant otherRedeemedAt) {
        List<Object> values = new ArrayList<>(
                List.of(tenantId, id, accountId, clientId, couponId, storeId, redeemedOfflineAt, now, reason));
        values.add(otherStoreId);
        values.add(otherRedeemedAt);
        return sql.insertUnlessDuplicate(
                "INSERT INTO double_use (tenant_id, id, account_id, client_id, coupon_id, store_id,"
                        + " redeemed_offline_at, recorded_at, reason, other_store_id, other_redeemed_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                values);
    }

    public Optional<DoubleUse> byClient(String tenantId, String accountId, String clientId) {
        return sql.first(
                DOUBLE_USES + " AND u.account_id = ? AND u.client_id = ?",
                List.of(tenantId, accountId, clientId),
                OfflineCounterRepository::doubleUse);
    }

    /** Double uses recorded in the window, newest first. */
    public List<DoubleUse> between(CounterWindow window, int page, int size) {
        return sql.rows(
                DOUBLE_USES + window.page("u", "recorded_at"),
                window.parameters(page, size),
                OfflineCounterRepository::doubleUse);
    }

    public long countBetween(CounterWindow window) {
        return sql.one(
                "SELECT COUNT(*) AS n FROM double_use u WHERE u.tenant_id = ?" + window.conditions("u", "recorded_at"),
                window.parameters(),
                r -> r.count("n"));
    }

    private static DoubleUse doubleUse(Row r) {
        return new DoubleUse(
                r.string("id"),
                r.string("coupon_id"),
                CouponCode.ofStored(r.string("code")).printed(),
                r.string("title"),
                r.string("store_id"),
                r.string("store_name"),
                r.string("account_id"),
                r.string("account_name"),
                r.instant("redeemed_offline_at"),
                r.instant("recorded_at"),
                r.string("reason"),
                r.string("other_store_id"),
                r.string("other_store_name"),
                r.instant("other_redeemed_at"));
    }
}
