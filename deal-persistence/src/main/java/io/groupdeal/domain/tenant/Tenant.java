package io.groupdeal.domain.tenant;

import io.groupdeal.domain.shared.Ids;
import io.groupdeal.domain.shared.InvalidValue;
import io.groupdeal.domain.shared.Language;
import io.groupdeal.domain.shared.TimeZones;
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
import java.time.ZoneId;
import java.util.Objects;

/**
 * A merchant business. Everything a merchant owns carries its id as {@code tenant_id}. A tenant is platform data:
 * only the operator and the tenant's own accounts see it. A suspended tenant's accounts cannot act. A moderated
 * tenant's deals wait for the operator's review when published; every new tenant is moderated until the operator
 * decides otherwise (tenants from before moderation existed are not).
 */
@Entity
@Table(name = "tenant")
public class Tenant implements Serializable {

    public static final BigDecimal DEFAULT_COMMISSION = new BigDecimal("0.1000");
    public static final int DEFAULT_UNDO_WINDOW_MINUTES = 10;
    public static final int MAX_UNDO_WINDOW_MINUTES = 1440;

    @Id
    private String id;

    @Column(name = "business_name")
    private String businessName;

    @Enumerated(EnumType.STRING)
    private TenantStatus status;

    @Column(name = "commission_rate")
    private BigDecimal commissionRate;

    @Column(name = "time_zone")
    private String timeZone;

    @Column(name = "undo_window_minutes")
    private int undoWindowMinutes;

    @Column(name = "created_at")
    private Instant createdAt;

    /** The language of mails to this tenant's buyers who never chose one. */
    @Enumerated(EnumType.STRING)
    private Language language = Language.EN;

    /** Whether the operator reviews this tenant's deals before they go live. */
    private boolean moderated;

    @Version
    private int version;

    protected Tenant() {}

    public Tenant(String businessName, Instant createdAt) {
        this.id = Ids.newId();
        this.businessName = requireName(businessName);
        this.status = TenantStatus.ACTIVE;
        this.commissionRate = DEFAULT_COMMISSION;
        this.timeZone = "UTC";
        this.undoWindowMinutes = DEFAULT_UNDO_WINDOW_MINUTES;
        this.moderated = true;
        // as stored (DATETIME(6)), so that the commission history and paging compare the same moment as the row holds
        this.createdAt = Objects.requireNonNull(createdAt).truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    }

    private static String requireName(String name) {
        if (name == null || name.isBlank() || name.strip().length() > 120) {
            throw new InvalidValue("businessName", "length-between", 1, 120);
        }
        return name.strip();
    }

    /** The operator decides whether this tenant's deals are reviewed before they go live; deals in review stay so. */
    public void changeModeration(boolean moderated) {
        this.moderated = moderated;
    }

    public boolean isModerated() {
        return moderated;
    }

    public void suspend() {
        status = TenantStatus.SUSPENDED;
    }

    public void activate() {
        status = TenantStatus.ACTIVE;
    }

    public boolean isActive() {
        return status == TenantStatus.ACTIVE;
    }

    /**
     * What the merchant sets: the business name, the time zone of every by-day figure, and how long the counter may
     * undo a redemption (0 to 1440 minutes; 0: never).
     */
    public void configure(String businessName, String timeZone, int undoWindowMinutes) {
        if (undoWindowMinutes < 0 || undoWindowMinutes > MAX_UNDO_WINDOW_MINUTES) {
            throw new InvalidValue("undoWindowMinutes", "between", 0, MAX_UNDO_WINDOW_MINUTES);
        }
        // every field checked before any changes, so a refused change leaves the tenant as it was
        String name = requireName(businessName);
        String zone = TimeZones.require(timeZone);
        this.businessName = name;
        this.timeZone = zone;
        this.undoWindowMinutes = undoWindowMinutes;
    }

    /** The platform's share of redeemed value, from 0 to 1, kept with four decimals. */
    public void changeLanguage(Language chosen) {
        this.language = Objects.requireNonNull(chosen, "language");
    }

    public Language language() {
        return language;
    }

    public void changeCommissionRate(BigDecimal rate) {
        if (rate == null || rate.signum() < 0 || rate.compareTo(BigDecimal.ONE) > 0) {
            throw new InvalidValue("commissionRate", "between", 0, 1);
        }
        commissionRate = rate.setScale(4, RoundingMode.HALF_EVEN);
    }

    public String id() {
        return id;
    }

    public String businessName() {
        return businessName;
    }

    public TenantStatus status() {
        return status;
    }

    public BigDecimal commissionRate() {
        return commissionRate;
    }

    public ZoneId timeZone() {
        return ZoneId.of(timeZone);
    }

    public int undoWindowMinutes() {
        return undoWindowMinutes;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
