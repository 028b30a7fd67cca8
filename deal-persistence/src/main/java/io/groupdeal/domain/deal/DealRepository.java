package io.groupdeal.domain.deal;

import io.groupdeal.domain.deal.DealReport.DayLine;
import io.groupdeal.domain.deal.DealReport.StoreLine;
import io.groupdeal.domain.shared.NativeSql;
import io.groupdeal.domain.shared.QuarterHours;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The deals of the current tenant (JPQL, filtered by EclipseLink), and the native statements that EclipseLink does
 * not filter: those name {@code tenant_id} themselves, or run across tenants on purpose (the scheduled moves).
 *
 * <p>Two styles on purpose, each for one kind of work. The deal as its merchant edits it (the entity, its stores, its
 * options) is JPA. The moves whose row count decides are single conditional updates through {@link NativeSql}: a
 * sale raises {@code sold} only while the stock lasts (never oversold, whoever runs in parallel), tipping and the
 * clock's moves happen once; an entity read, changed and written back would need a lock held across the request for
 * the same guarantee. Both run in the caller's transaction, but JDBC does not see what EclipseLink has not written
 * yet: where a native statement of the same transaction reads or refers to rows just persisted, the method flushes
 * ({@link #add}, {@link #writeOptions}).
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

    /**
     * The deal with its row locked to the end of the transaction (a locking read sees the last committed state): the
     * lifecycle's decisions that race each other (publish, cancel, the operator's approve and reject) take their turns,
     * and the one that comes second sees what the first did.
     */
    public Optional<Deal> lock(String id) {
        return Optional.ofNullable(id == null ? null : em.find(Deal.class, id, LockModeType.PESSIMISTIC_WRITE));
    }

    /** The tenant of a deal, whatever the tenant (the operator's view); empty when there is no such deal. */
    public Optional<String> tenantOf(String dealId) {
        return sql.first("SELECT tenant_id FROM deal WHERE id = ?", List.of(dealId), r -> r.string("tenant_id"));
    }

    /** The deals waiting for review across tenants, longest waiting first (the operator's queue). */
    public List<DealInReview> inReview(int page, int size) {
        return sql.rows(
                "SELECT d.id, d.tenant_id, t.business_name, d.title, d.description, d.fine_print, d.currency, d.price,"
                        + " d.original_value, d.min_buyers, d.max_quantity, d.per_buyer_limit, d.sales_start, d.sales_end,"
                        + " d.coupon_valid_until, d.refund_policy, d.auto_refund_on_expiry, d.submitted_at"
                        + " FROM deal d JOIN tenant t ON t.id = d.tenant_id WHERE d.status = 'IN_REVIEW'"
                        + " ORDER BY d.submitted_at, d.id LIMIT ? OFFSET ?",
                List.of(size, (long) page * size),
                r -> new DealInReview(
                        r.string("id"),
                        r.string("tenant_id"),
                        r.string("business_name"),
                        new DealTerms(
                                r.string("title"),
                                r.string("description"),
                                r.string("fine_print"),
                                r.string("currency"),
                                r.decimal("price"),
                                r.decimal("original_value"),
                                r.nullableInt("min_buyers"),
                                r.nullableInt("max_quantity"),
                                r.nullableInt("per_buyer_limit"),
                                r.instant("sales_start"),
                                r.instant("sales_end"),
                                r.instant("coupon_valid_until"),
                                RefundPolicy.valueOf(r.string("refund_policy")),
                                r.flag("auto_refund_on_expiry")),
                        r.instant("submitted_at")));
    }

    public long countInReview() {
        return sql.one("SELECT COUNT(*) AS n FROM deal WHERE status = 'IN_REVIEW'", List.of(), r -> r.count("n"));
    }

    /** Newest first; all statuses when {@code status} is null. */
    public List<Deal> page(DealStatus status, int page, int size) {
        var query = status == null
                ? em.createQuery("SELECT d FROM Deal d ORDER BY d.createdAt DESC, d.id", Deal.class)
                : em.createQuery(
                                "SELECT d FROM Deal d WHERE d.status = :status ORDER BY d.createdAt DESC, d.id",
                                Deal.class)
                        .setParameter("status", status);
        return query.setFirstResult(page * size).setMaxResults(size).getResultList();
    }

    public long count(DealStatus status) {
        var query = status == null
                ? em.createQuery("SELECT COUNT(d) FROM Deal d", Long.class)
                : em.createQuery("SELECT COUNT(d) FROM Deal d WHERE d.status = :status", Long.class)
                        .setParameter("status", status);
        return query.getSingleResult();
    }

    public List<String> storeIdsOf(String dealId) {
        return em.createQuery(
                        "SELECT s.storeId FROM DealStore s WHERE s.dealId = :deal ORDER BY s.storeId", String.class)
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

    /** The deal's options in their order (the current tenant's deal). */
    public List<DealOption> optionsOf(String dealId) {
        return em.createQuery("SELECT o FROM DealOption o WHERE o.dealId = :deal ORDER BY o.position", DealOption.class)
                .setParameter("deal", dealId)
                .getResultList();
    }

    /**
     * Makes the draft's options exactly {@code terms}, in their order: an option named by its id is kept (and changed),
     * one not named any more is removed, one without an id (or with an id the deal does not have) is added. A draft has
     * sold nothing, so no count is lost.
     */
    public List<DealOption> writeOptions(Deal deal, List<OptionTerms> terms) {
        List<DealOption> current = optionsOf(deal.id());
        List<DealOption> written = new java.util.ArrayList<>();
        for (int position = 0; position < terms.size(); position++) {
            OptionTerms wanted = terms.get(position);
            Optional<DealOption> kept =
                    current.stream().filter(o -> o.id().equals(wanted.id())).findFirst();
            if (kept.isPresent()) {
                kept.get().apply(wanted, position, deal.minorDigits());
                written.add(kept.get());
            } else {
                DealOption added = new DealOption(deal.id(), wanted, position, deal.minorDigits());
                em.persist(added);
                written.add(added);
            }
        }
        current.stream().filter(o -> !written.contains(o)).forEach(em::remove);
        em.flush();
        return List.copyOf(written);
    }

    /** The options of a deal of any tenant, in their order, as an order chooses among them. */
    public List<SaleOption> saleOptions(String tenantId, String dealId) {
        return sql.rows(
                "SELECT id, title, price FROM deal_option WHERE tenant_id = ? AND deal_id = ? ORDER BY position",
                List.of(tenantId, dealId),
                r -> new SaleOption(r.string("id"), r.string("title"), r.decimal("price")));
    }

    /**
     * Takes {@code quantity} coupons of the option's own cap: one conditional update, true when it fitted. Done in the
     * reservation's transaction right before {@link #sell} (option row, then deal row: every purchase and every
     * release locks them in this order, so two never wait on each other crosswise).
     */
    public boolean sellOption(String tenantId, String dealId, String optionId, int quantity) {
        return sql.changesOne(
                "UPDATE deal_option SET sold = sold + ? WHERE tenant_id = ? AND id = ? AND deal_id = ?"
                        + " AND (max_quantity IS NULL OR sold + ? <= max_quantity)",
                List.of(quantity, tenantId, optionId, dealId, quantity));
    }

    /** Gives back the option's stock of a released reservation (with {@link #unsell}, in the same transaction, first). */
    public void unsellOption(String tenantId, String dealId, String optionId, int quantity) {
        sql.update(
                "UPDATE deal_option SET sold = sold - ? WHERE tenant_id = ? AND id = ? AND deal_id = ?",
                List.of(quantity, tenantId, optionId, dealId));
    }

    /** Scheduled deals whose sales have started go on sale. Across tenants; one conditional update, safe to repeat. */
    public int startDueSales(Instant now) {
        return sql.update(
                "UPDATE deal SET status = '" + DealStatus.ON_SALE + "', version = version + 1" + " WHERE status = '"
                        + DealStatus.SCHEDULED + "' AND sales_start <= ? AND sales_end > ?",
                List.of(now, now));
    }

    /** Deals whose sales window closed end: tipped ones ENDED, the others FAILED. Across tenants; safe to repeat. */
    public int closeDueSales(Instant now) {
        return sql.update(
                "UPDATE deal SET settlement_due = settlement_due OR tipped_at IS NULL,"
                        + " status = CASE WHEN tipped_at IS NOT NULL THEN '" + DealStatus.ENDED + "' ELSE '"
                        + DealStatus.FAILED + "' END,"
                        + " closed_at = ?, version = version + 1"
                        + " WHERE status IN " + DealStatus.sqlList(DealStatus.movingTo(DealStatus.ENDED))
                        + " AND sales_end <= ?",
                List.of(now, now));
    }

    /** A published deal of an active tenant as a buyer orders it, whatever its tenant; drafts are not found. */
    public Optional<SaleTerms> saleTerms(String dealId) {
        return saleTerms("d.id = ? AND t.status = 'ACTIVE' AND d.status <> 'DRAFT'", List.of(dealId));
    }

    /** The terms a reservation of the deal was made on, whatever became of the deal or its merchant since. */
    public Optional<SaleTerms> saleTerms(String tenantId, String dealId) {
        return saleTerms("d.tenant_id = ? AND d.id = ?", List.of(tenantId, dealId));
    }

    private Optional<SaleTerms> saleTerms(String where, List<?> parameters) {
        return sql.first(
                "SELECT d.tenant_id, d.id, d.title, t.business_name, d.status, d.price, d.currency, d.per_buyer_limit,"
                        + " d.coupon_valid_until, d.tipped_at IS NOT NULL AS tipped FROM deal d JOIN tenant t ON t.id = d.tenant_id"
                        + " WHERE " + where,
                parameters,
                r -> new SaleTerms(
                        r.string("tenant_id"),
                        r.string("id"),
                        r.string("title"),
                        r.string("business_name"),
                        DealStatus.valueOf(r.string("status")),
                        r.decimal("price"),
                        r.string("currency"),
                        r.nullableInt("per_buyer_limit"),
                        r.instant("coupon_valid_until"),
                        r.flag("tipped")));
    }

    /**
     * Reserves {@code quantity} coupons of the deal's stock: one conditional update that raises {@code sold} only while
     * the deal is on sale and the quantity lasts. The row stays locked until the transaction ends, so the caller does
     * this last in a short transaction with no network call. The sale is paid at once (captured, not only authorised)
     * when the deal has tipped or this order's coupons tip it once paid: paid coupons only ever grow, so such an order
     * always finds the deal tipped when it is confirmed.
     *
     * <p>{@code tipped}: the deal had tipped when the buyer's terms were read ({@link SaleTerms#tipped}). A deal tips
     * once and stays tipped ({@link #paid} sets {@code tipped_at} once and nothing clears it), so a sale made then is
     * paid at once without reading the deal's state again: one statement fewer while the hot deal's row is locked,
     * which is what a flash sale's rate is bound by. The state is read when the sale is refused (to say why) or the
     * deal had not tipped (whether this order tips it).
     */
    public Sale sell(String tenantId, String dealId, int quantity, Instant now, boolean tipped) {
        int updated = sql.update(
                "UPDATE deal SET sold = sold + ?"
                        + " WHERE tenant_id = ? AND id = ? AND status = 'ON_SALE' AND sales_start <= ? AND sales_end > ?"
                        + " AND (max_quantity IS NULL OR sold + ? <= max_quantity)",
                List.of(quantity, tenantId, dealId, now, now, quantity));
        if (updated == 1 && tipped) {
            return Sale.AFTER_TIPPING;
        }
        SaleState state = sql.one(
                "SELECT tipped_at IS NOT NULL OR confirmed + ? >= min_buyers AS tips, max_quantity IS NOT NULL AS capped,"
                        + " status, sales_start <= ? AND sales_end > ? AS in_window FROM deal WHERE tenant_id = ? AND id = ?",
                List.of(quantity, now, now, tenantId, dealId),
                r -> new SaleState(r.flag("tips"), r.flag("capped"), r.string("status"), r.flag("in_window")));
        if (updated == 1) {
            return state.tips() ? Sale.AFTER_TIPPING : Sale.BEFORE_TIPPING;
        }
        boolean open = "ON_SALE".equals(state.status()) && state.inWindow();
        return open && state.capped() ? Sale.SOLD_OUT : Sale.NOT_ON_SALE;
    }

    /** The deal as {@link #sell} found it: whether this sale tips it, whether its stock is capped, whether it is open. */
    private record SaleState(boolean tips, boolean capped, String status, boolean inWindow) {}

    /** Gives back the stock of a reservation whose payment never came (declined, failed, or lost and voided). */
    public void unsell(String tenantId, String dealId, int quantity) {
        sql.update(
                "UPDATE deal SET sold = sold - ? WHERE tenant_id = ? AND id = ?", List.of(quantity, tenantId, dealId));
    }

    /**
     * Counts {@code quantity} paid coupons and tips the deal (sets {@code tippedAt}) when they reach {@code minBuyers}
     * while it is on sale. Marks the deal for settlement when it tips (its authorised orders are to be captured), when
     * an order that was only authorised comes after it tipped, and when a failed or cancelled deal gains an order to void or refund (its payment came after
     * the deal closed).
     * The assignments read the values before this update, in any SQL mode. A paid-at-once order of a tipped deal on
     * sale changes nothing here, so it does not wait for the deal's row (READ COMMITTED skips a row that does not
     * match without locking it): {@code confirmed} counts paid coupons up to the tipping point, not beyond.
     */
    public void paid(String tenantId, String dealId, int quantity, boolean captured, Instant now) {
        sql.update(PAID, List.of(quantity, !captured, quantity, now, quantity, tenantId, dealId, !captured));
    }

    /**
     * The statement of {@link #paid}; its parameters: quantity, not captured, quantity, now, quantity, tenant, deal, not
     * captured. Public for the purchase bench, whose JDBC replay of a purchase sends this very statement.
     */
    public static final String PAID = "UPDATE deal SET"
            + " settlement_due = settlement_due OR status IN ('CANCELLED', 'FAILED')"
            + " OR (tipped_at IS NULL AND status = 'ON_SALE' AND confirmed + ? >= min_buyers) OR (? AND tipped_at IS NOT NULL),"
            + " tipped_at = CASE WHEN tipped_at IS NULL AND status = 'ON_SALE' AND confirmed + ? >= min_buyers THEN ?"
            + " ELSE tipped_at END,"
            + " confirmed = confirmed + ?"
            + " WHERE tenant_id = ? AND id = ? AND (tipped_at IS NULL OR status <> 'ON_SALE' OR ?)";

    /** What a reservation did: taken before the deal tips (authorise only) or when it tips (charge at once); or refused. */
    public enum Sale {
        BEFORE_TIPPING,
        AFTER_TIPPING,
        SOLD_OUT,
        NOT_ON_SALE;

        public boolean sold() {
            return this != SOLD_OUT && this != NOT_ON_SALE;
        }

        public boolean paidAtOnce() {
            return this == AFTER_TIPPING;
        }
    }

    /** Deals with orders to capture, void or refund, across tenants. */
    public List<DealRef> settlementDue(int limit) {
        return sql.rows(
                "SELECT tenant_id, id FROM deal WHERE settlement_due = TRUE ORDER BY id LIMIT ?",
                List.of(limit),
                r -> new DealRef(r.string("tenant_id"), r.string("id")));
    }

    public record DealRef(String tenantId, String dealId) {}

    /** Where a deal stands for settling its orders. */
    public record Standing(DealStatus status, boolean tipped, String title) {}

    public Optional<Standing> standing(String tenantId, String dealId) {
        return sql.first(
                "SELECT status, tipped_at IS NOT NULL AS tipped, title FROM deal WHERE tenant_id = ? AND id = ?",
                List.of(tenantId, dealId),
                r -> new Standing(DealStatus.valueOf(r.string("status")), r.flag("tipped"), r.string("title")));
    }

    /** Clears the mark once no order of the deal is left to settle; a deal that gains work meanwhile keeps it. */
    public void settled(String tenantId, String dealId) {
        sql.update(
                "UPDATE deal d SET d.settlement_due = FALSE WHERE d.tenant_id = ? AND d.id = ? AND d.settlement_due = TRUE"
                        + " AND NOT EXISTS (SELECT 1 FROM purchase_order o WHERE o.tenant_id = d.tenant_id AND o.deal_id = d.id"
                        + " AND o.status = 'PENDING' AND (d.status IN ('FAILED', 'CANCELLED') OR (d.tipped_at IS NOT NULL"
                        // a team member's order waits for its team, not for the deal (TeamJob captures or voids it)
                        + " AND NOT EXISTS (SELECT 1 FROM team_member m WHERE m.tenant_id = o.tenant_id AND m.order_id = o.id))))"
                        + " AND NOT (d.status IN ('CANCELLED', 'FAILED') AND EXISTS (SELECT 1 FROM coupon c WHERE c.tenant_id = d.tenant_id"
                        + " AND c.deal_id = d.id AND c.status = 'ACTIVE'))",
                List.of(tenantId, dealId));
    }

    /** The deal's figures from its coupons; days are the tenant's calendar days in {@code zone}. */
    public DealReport report(String tenantId, String dealId, ZoneId zone) {
        Totals totals = sql.one(
                "SELECT"
                        + " COALESCE(SUM(status <> 'VOID'), 0) AS sold,"
                        + " COALESCE(SUM(CASE WHEN status IN ('ACTIVE', 'REDEEMED', 'EXPIRED') THEN price END), 0) AS revenue,"
                        + " COALESCE(SUM(status = 'REDEEMED'), 0) AS redeemed,"
                        + " COALESCE(SUM(status = 'REFUNDED'), 0) AS refunded"
                        + " FROM coupon WHERE tenant_id = ? AND deal_id = ?",
                List.of(tenantId, dealId),
                r -> new Totals(
                        r.longValue("sold"), r.decimal("revenue"), r.longValue("redeemed"), r.longValue("refunded")));
        long sold = totals.sold();
        BigDecimal revenue = totals.revenue();
        long redeemed = totals.redeemed();
        long refunded = totals.refunded();
        BigDecimal rate = sold - refunded <= 0
                ? BigDecimal.ZERO
                : BigDecimal.valueOf(redeemed).divide(BigDecimal.valueOf(sold - refunded), 4, RoundingMode.HALF_EVEN);

        List<StoreLine> byStore = sql.rows(
                "SELECT redeemed_store_id, COUNT(*) AS n FROM coupon"
                        + " WHERE tenant_id = ? AND deal_id = ? AND status = 'REDEEMED' GROUP BY redeemed_store_id ORDER BY redeemed_store_id",
                List.of(tenantId, dealId),
                r -> new StoreLine(r.string("redeemed_store_id"), r.longValue("n")));

        TreeMap<LocalDate, long[]> days = new TreeMap<>();
        countByDay(QuarterHours.Moment.SOLD, "status <> 'VOID'", tenantId, dealId, zone, days, 0);
        countByDay(QuarterHours.Moment.REDEEMED, "status = 'REDEEMED'", tenantId, dealId, zone, days, 1);
        List<DayLine> byDay = days.entrySet().stream()
                .map(e -> new DayLine(e.getKey(), e.getValue()[0], e.getValue()[1]))
                .toList();
        return new DealReport(
                sold, revenue.setScale(3, RoundingMode.UNNECESSARY), redeemed, refunded, rate, byStore, byDay);
    }

    /** Counts per quarter hour in SQL, folded into the tenant's local days (see {@link QuarterHours}). */
    private void countByDay(
            QuarterHours.Moment moment,
            String condition,
            String tenantId,
            String dealId,
            ZoneId zone,
            TreeMap<LocalDate, long[]> days,
            int slot) {
        sql.rows(
                        "SELECT " + moment.quarter() + " AS quarter, COUNT(*) AS n"
                                + " FROM coupon WHERE tenant_id = ? AND deal_id = ? AND " + condition + " AND "
                                + moment.quarter() + " IS NOT NULL"
                                + " GROUP BY 1",
                        List.of(tenantId, dealId),
                        r -> Map.entry(QuarterHours.day(r.longValue("quarter"), zone), r.longValue("n")))
                .forEach(e -> days.computeIfAbsent(e.getKey(), d -> new long[2])[slot] += e.getValue());
    }

    /** The deal's coupons counted by what became of them. */
    private record Totals(long sold, BigDecimal revenue, long redeemed, long refunded) {}
}
