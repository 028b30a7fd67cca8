package io.groupdeal.domain.deal;

import io.groupdeal.domain.deal.DealReport.DayLine;
import io.groupdeal.domain.deal.DealReport.StoreLine;
import jakarta.enterprise.context.ApplicationScoped;
import io.groupdeal.domain.shared.NativeSql;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The deals of the current tenant (JPQL, filtered by EclipseLink), and the native statements that EclipseLink does
 * not filter: those name {@code tenant_id} themselves, or run across tenants on purpose (the scheduled moves).
 */
@ApplicationScoped
public class DealRepository {

    @PersistenceContext(unitName = "deal")
    private EntityManager em;

    @Inject
    private NativeSql sql;

    public void add(Deal deal) {
        em.persist(deal);
        em.flush();
    }

    public Optional<Deal> find(String id) {
        return Optional.ofNullable(id == null ? null : em.find(Deal.class, id));
    }

    /** Newest first; all statuses when {@code status} is null. */
    public List<Deal> page(DealStatus status, int page, int size) {
        var query = status == null
                ? em.createQuery("SELECT d FROM Deal d ORDER BY d.createdAt DESC, d.id", Deal.class)
                : em.createQuery("SELECT d FROM Deal d WHERE d.status = :status ORDER BY d.createdAt DESC, d.id", Deal.class)
                        .setParameter("status", status);
        return query.setFirstResult(page * size).setMaxResults(size).getResultList();
    }

    public long count(DealStatus status) {
        var query = status == null
                ? em.createQuery("SELECT COUNT(d) FROM Deal d", Long.class)
                : em.createQuery("SELECT COUNT(d) FROM Deal d WHERE d.status = :status", Long.class).setParameter("status", status);
        return query.getSingleResult();
    }

    public List<String> storeIdsOf(String dealId) {
        return em.createQuery("SELECT s.storeId FROM DealStore s WHERE s.dealId = :deal ORDER BY s.storeId", String.class)
                .setParameter("deal", dealId)
                .getResultList();
    }

    /** Makes the deal's eligible stores exactly the given ones (none: every store of the tenant). */
    public void assignStores(String dealId, Collection<String> storeIds) {
        List<DealStore> current = em.createQuery("SELECT s FROM DealStore s WHERE s.dealId = :deal", DealStore.class)
                .setParameter("deal", dealId)
                .getResultList();
        current.stream().filter(s -> !storeIds.contains(s.storeId())).forEach(em::remove);
        storeIds.stream()
                .filter(id -> current.stream().noneMatch(s -> s.storeId().equals(id)))
                .forEach(id -> em.persist(new DealStore(dealId, id)));
    }

    /** Scheduled deals whose sales have started go on sale. Across tenants; one conditional update, safe to repeat. */
    public int startDueSales(Instant now) {
        return sql.update("UPDATE deal SET status = 'ON_SALE', version = version + 1"
                + " WHERE status = 'SCHEDULED' AND sales_start <= ? AND sales_end > ?", List.of(now, now));
    }

    /** Deals whose sales window closed end: tipped ones ENDED, the others FAILED. Across tenants; safe to repeat. */
    public int closeDueSales(Instant now) {
        return sql.update("UPDATE deal SET status = CASE WHEN sold >= min_buyers THEN 'ENDED' ELSE 'FAILED' END,"
                + " closed_at = ?, version = version + 1"
                + " WHERE status IN ('SCHEDULED', 'ON_SALE') AND sales_end <= ?", List.of(now, now));
    }

    /** The deal's figures from its coupons; days are the tenant's calendar days in {@code zone}. */
    public DealReport report(String tenantId, String dealId, ZoneId zone) {
        Object[] totals = sql.row("SELECT"
                + " COALESCE(SUM(status <> 'VOID'), 0),"
                + " COALESCE(SUM(CASE WHEN status IN ('ACTIVE', 'REDEEMED', 'EXPIRED') THEN price END), 0),"
                + " COALESCE(SUM(status = 'REDEEMED'), 0),"
                + " COALESCE(SUM(status = 'REFUNDED'), 0)"
                + " FROM coupon WHERE tenant_id = ? AND deal_id = ?", List.of(tenantId, dealId));
        long sold = number(totals[0]).longValue();
        BigDecimal revenue = new BigDecimal(totals[1].toString());
        long redeemed = number(totals[2]).longValue();
        long refunded = number(totals[3]).longValue();
        BigDecimal rate = sold - refunded <= 0 ? BigDecimal.ZERO
                : BigDecimal.valueOf(redeemed).divide(BigDecimal.valueOf(sold - refunded), 4, RoundingMode.HALF_EVEN);

        List<Object[]> stores = sql.rows("SELECT redeemed_store_id, COUNT(*) FROM coupon"
                + " WHERE tenant_id = ? AND deal_id = ? AND status = 'REDEEMED' GROUP BY redeemed_store_id ORDER BY redeemed_store_id",
                List.of(tenantId, dealId));
        List<StoreLine> byStore = stores.stream().map(r -> new StoreLine((String) r[0], number(r[1]).longValue())).toList();

        TreeMap<LocalDate, long[]> days = new TreeMap<>();
        countByDay("created_at", "status <> 'VOID'", tenantId, dealId, zone, days, 0);
        countByDay("redeemed_at", "status = 'REDEEMED'", tenantId, dealId, zone, days, 1);
        List<DayLine> byDay = days.entrySet().stream().map(e -> new DayLine(e.getKey(), e.getValue()[0], e.getValue()[1])).toList();
        return new DealReport(sold, revenue.setScale(3, RoundingMode.UNNECESSARY), redeemed, refunded, rate, byStore, byDay);
    }

    /**
     * Counts per quarter hour in SQL (every time zone's offset is a multiple of 15 minutes), then folds the quarters
     * into the tenant's local days: exact in any zone without time zone tables in the database.
     */
    private void countByDay(String column, String condition, String tenantId, String dealId, ZoneId zone,
                            TreeMap<LocalDate, long[]> days, int slot) {
        List<Object[]> quarters = sql.rows("SELECT FLOOR(TIMESTAMPDIFF(SECOND, '1970-01-01', " + column + ") / 900), COUNT(*)"
                + " FROM coupon WHERE tenant_id = ? AND deal_id = ? AND " + condition + " AND " + column + " IS NOT NULL"
                + " GROUP BY 1", List.of(tenantId, dealId));
        for (Object[] row : quarters) {
            LocalDate day = Instant.ofEpochSecond(number(row[0]).longValue() * 900).atZone(zone).toLocalDate();
            days.computeIfAbsent(day, d -> new long[2])[slot] += number(row[1]).longValue();
        }
    }

    private static Number number(Object value) {
        return value instanceof Number n ? n : Long.parseLong(value.toString());
    }
}
