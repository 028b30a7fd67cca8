package io.groupdeal.domain.deal;

import io.groupdeal.domain.shared.Ids;
import io.groupdeal.domain.shared.InvalidValue;
import io.groupdeal.domain.shared.PlainText;
import io.groupdeal.domain.shared.Tenancy;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.io.Serializable;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Currency;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantDiscriminatorColumn;

/**
 * A group-buying campaign of one tenant. Only a draft can be edited; publishing checks that it is complete and puts
 * it on sale (or schedules it); it ends tipped ({@code sold >= minBuyers}) or failed at {@code salesEnd}, or is
 * cancelled before it ends. The scheduled moves are conditional updates in {@link DealRepository}, so that two
 * instances moving the same deal at once move it once. A deal never sells more than its quantity: {@code sold}
 * only ever grows through a conditional update that checks {@code maxQuantity}.
 *
 * <p>Moderation: a deal published for review ({@link #publish(Instant, boolean)}) waits {@code IN_REVIEW}, neither
 * editable nor for sale, until the operator approves it (then it is published as it would have been) or rejects it
 * with a reason (then it is a draft again, editable, and shows the reason until it is published again).
 */
@Entity
@Table(name = "deal")
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(name = Tenancy.COLUMN, contextProperty = Tenancy.PROPERTY, length = Ids.LENGTH)
public class Deal implements Serializable {

    @Id
    private String id;

    private String title;
    private String description;

    @Column(name = "fine_print")
    private String finePrint;

    private String currency;
    private BigDecimal price;

    @Column(name = "original_value")
    private BigDecimal originalValue;

    @Column(name = "min_buyers")
    private int minBuyers;

    @Column(name = "max_quantity")
    private Integer maxQuantity;

    @Column(name = "per_buyer_limit")
    private Integer perBuyerLimit;

    @Column(name = "sales_start")
    private Instant salesStart;

    @Column(name = "sales_end")
    private Instant salesEnd;

    @Column(name = "coupon_valid_until")
    private Instant couponValidUntil;

    @Enumerated(EnumType.STRING)
    @Column(name = "refund_policy")
    private RefundPolicy refundPolicy;

    @Column(name = "auto_refund_on_expiry")
    private boolean autoRefundOnExpiry;

    @Enumerated(EnumType.STRING)
    private DealStatus status;

    private int sold;

    @Column(name = "tipped_at")
    private Instant tippedAt;

    @Column(name = "published_at")
    private Instant publishedAt;

    @Column(name = "closed_at")
    private Instant closedAt;

    @Column(name = "settlement_due")
    private boolean settlementDue;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "team_size")
    private Integer teamSize;

    @Column(name = "team_price")
    private BigDecimal teamPrice;

    @Column(name = "team_window_minutes")
    private Integer teamWindowMinutes;

    @Column(name = "submitted_at")
    private Instant submittedAt;

    @Column(name = "reviewed_at")
    private Instant reviewedAt;

    @Column(name = "reviewed_by")
    private String reviewedBy;

    /** Why the operator sent the deal back; kept on the draft until it is published again. */
    private String rejection;

    @Version
    private int version;

    /** The longest reason for a rejection. */
    public static final int MAX_REJECTION = 1000;

    protected Deal() {}

    /** A new draft. The terms must have no violations for a draft ({@link DealTerms#violations(boolean)}). */
    public Deal(DealTerms terms, Instant createdAt) {
        this.id = Ids.newId();
        this.status = DealStatus.DRAFT;
        this.createdAt = createdAt;
        apply(terms);
    }

    public boolean isEditable() {
        return status == DealStatus.DRAFT;
    }

    /** Changes a draft. The caller checks {@link #isEditable()} and the terms' violations first. */
    public void edit(DealTerms terms) {
        if (!isEditable()) {
            throw new IllegalStateException("only drafts are editable");
        }
        apply(terms);
    }

    private void apply(DealTerms terms) {
        title = terms.title().strip();
        description = terms.description() == null ? "" : terms.description().strip();
        finePrint = terms.finePrint() == null ? "" : terms.finePrint().strip();
        currency = terms.currency();
        price = scaled(terms.price());
        originalValue = scaled(terms.originalValue());
        minBuyers = terms.minBuyersOrDefault();
        maxQuantity = terms.maxQuantity();
        perBuyerLimit = terms.perBuyerLimit();
        salesStart = terms.salesStart();
        salesEnd = terms.salesEnd();
        couponValidUntil = terms.couponValidUntil();
        refundPolicy = terms.refundPolicy() == null ? RefundPolicy.NONE : terms.refundPolicy();
        autoRefundOnExpiry = Boolean.TRUE.equals(terms.autoRefundOnExpiry());
    }

    private BigDecimal scaled(BigDecimal amount) {
        if (amount == null) {
            return null;
        }
        return amount.setScale(minorDigits(), RoundingMode.UNNECESSARY);
    }

    /** The currency's minor digits (2 for EUR, 0 for JPY); 2 while no currency is chosen. */
    public int minorDigits() {
        return currency == null ? 2 : Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits());
    }

    /** The terms as they stand, for publishing checks and for editing forms. */
    public DealTerms terms() {
        return new DealTerms(
                title,
                description,
                finePrint,
                currency,
                price,
                originalValue,
                minBuyers,
                maxQuantity,
                perBuyerLimit,
                salesStart,
                salesEnd,
                couponValidUntil,
                refundPolicy,
                autoRefundOnExpiry);
    }

    /**
     * The draft's team buy, or none ({@link TeamTerms#NONE}). The caller checks the team terms' violations against
     * this deal's price first.
     */
    public void offerTeam(TeamTerms team) {
        if (!isEditable()) {
            throw new IllegalStateException("only drafts are editable");
        }
        teamSize = team.size();
        teamPrice = team.offered() ? scaled(team.price()) : null;
        teamWindowMinutes = team.windowMinutes();
    }

    public TeamTerms teamTerms() {
        return teamSize == null ? TeamTerms.NONE : new TeamTerms(teamSize, teamPrice, teamWindowMinutes);
    }

    /** A complete draft goes on sale now, or is scheduled when its sales start later. */
    public void publish(Instant now) {
        publish(now, false);
    }

    /**
     * A complete draft is published ({@link #publish(Instant)}), or, when its tenant is moderated ({@code review}),
     * waits for the operator's review. Either way an earlier rejection no longer applies.
     */
    public void publish(Instant now, boolean review) {
        if (!isEditable()) {
            throw new IllegalStateException("only drafts can be published");
        }
        rejection = null;
        if (review) {
            submittedAt = now;
            status = status.moveTo(DealStatus.IN_REVIEW);
        } else {
            goLive(now);
        }
    }

    public boolean isInReview() {
        return status == DealStatus.IN_REVIEW;
    }

    /** Whether the sales window closed: such a deal can no longer be published or approved. */
    public boolean salesEnded(Instant now) {
        return salesEnd != null && !salesEnd.isAfter(now);
    }

    /** The operator approves a deal in review: it is published as its merchant's publish would have done. */
    public void approve(String operatorId, Instant now) {
        requireInReview();
        if (salesEnded(now)) {
            throw new IllegalStateException("a deal whose sales ended cannot be approved");
        }
        reviewed(operatorId, now);
        goLive(now);
    }

    /**
     * The operator rejects a deal in review with a reason (plain text, 1 to {@value #MAX_REJECTION} characters, lines
     * allowed): it is a draft again, editable, and carries the reason until it is published again.
     */
    public void reject(String operatorId, String reason, Instant now) {
        requireInReview();
        rejection = requireReason(reason);
        reviewed(operatorId, now);
        status = status.moveTo(DealStatus.DRAFT);
    }

    /** The reason as kept: stripped; refused when empty, too long or not plain text. */
    public static String requireReason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw new InvalidValue("reason", "rejection-reason-required");
        }
        String stripped = reason.strip();
        if (stripped.length() > MAX_REJECTION) {
            throw new InvalidValue("reason", "max-length", MAX_REJECTION);
        }
        if (!PlainText.isMultiLine(stripped)) {
            throw new InvalidValue("reason", PlainText.rule(true));
        }
        return stripped;
    }

    private void requireInReview() {
        if (!isInReview()) {
            throw new IllegalStateException("a " + status + " deal is not in review");
        }
    }

    private void reviewed(String operatorId, Instant now) {
        reviewedBy = operatorId;
        reviewedAt = now;
    }

    private void goLive(Instant now) {
        publishedAt = now;
        status = status.moveTo(salesStart.isAfter(now) ? DealStatus.SCHEDULED : DealStatus.ON_SALE);
    }

    public void cancel(Instant now) {
        status = status.moveTo(DealStatus.CANCELLED);
        closedAt = now;
        settlementDue = true;
    }

    public boolean isTipped() {
        return sold >= minBuyers;
    }

    /** Coupons still for sale, or null when the quantity is unlimited. */
    public Integer remaining() {
        return maxQuantity == null ? null : Math.max(0, maxQuantity - sold);
    }

    public String id() {
        return id;
    }

    public String title() {
        return title;
    }

    public String description() {
        return description;
    }

    public String finePrint() {
        return finePrint;
    }

    public String currency() {
        return currency;
    }

    public BigDecimal price() {
        return price;
    }

    public BigDecimal originalValue() {
        return originalValue;
    }

    public int minBuyers() {
        return minBuyers;
    }

    public Integer maxQuantity() {
        return maxQuantity;
    }

    public Integer perBuyerLimit() {
        return perBuyerLimit;
    }

    public Instant salesStart() {
        return salesStart;
    }

    public Instant salesEnd() {
        return salesEnd;
    }

    public Instant couponValidUntil() {
        return couponValidUntil;
    }

    public RefundPolicy refundPolicy() {
        return refundPolicy;
    }

    public boolean autoRefundOnExpiry() {
        return autoRefundOnExpiry;
    }

    public DealStatus status() {
        return status;
    }

    public int sold() {
        return sold;
    }

    public Instant tippedAt() {
        return tippedAt;
    }

    public Instant createdAt() {
        return createdAt;
    }

    /** The operator's reason for sending the deal back, while it is a draft not yet published again; else null. */
    public String rejection() {
        return rejection;
    }

    /** When the deal was last put in review (null: never). */
    public Instant submittedAt() {
        return submittedAt;
    }

    /** When the operator last approved or rejected the deal (null: never). */
    public Instant reviewedAt() {
        return reviewedAt;
    }
}
