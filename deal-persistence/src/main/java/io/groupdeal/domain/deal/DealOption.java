package io.groupdeal.domain.deal;

import io.groupdeal.domain.shared.Ids;
import io.groupdeal.domain.shared.Tenancy;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.math.BigDecimal;
import java.math.RoundingMode;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantDiscriminatorColumn;

/**
 * One option of a deal, part of the deal's aggregate: written only with its draft deal ({@link DealRepository#writeOptions}),
 * sold through a conditional update on its row beside the deal's ({@link DealRepository#sellOption}). Its cap
 * ({@code maxQuantity}, null: only the deal's) is never passed: {@code sold} grows only while {@code sold + q} fits.
 */
@Entity
@Table(name = "deal_option")
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(name = Tenancy.COLUMN, contextProperty = Tenancy.PROPERTY, length = Ids.LENGTH)
public class DealOption implements Serializable {

    @Id
    private String id;

    @Column(name = "deal_id")
    private String dealId;

    private int position;
    private String title;
    private BigDecimal price;

    @Column(name = "original_value")
    private BigDecimal originalValue;

    @Column(name = "max_quantity")
    private Integer maxQuantity;

    private int sold;

    protected DealOption() {}

    DealOption(String dealId, OptionTerms terms, int position, int minorDigits) {
        this.id = Ids.newId();
        this.dealId = dealId;
        apply(terms, position, minorDigits);
    }

    /** Takes the terms (the option's draft is edited with its deal; nothing is sold yet). */
    void apply(OptionTerms terms, int position, int minorDigits) {
        this.position = position;
        this.title = terms.title().strip();
        this.price = scaled(terms.price(), minorDigits);
        this.originalValue = scaled(terms.originalValue(), minorDigits);
        this.maxQuantity = terms.maxQuantity();
    }

    private static BigDecimal scaled(BigDecimal amount, int minorDigits) {
        return amount == null ? null : amount.setScale(minorDigits, RoundingMode.UNNECESSARY);
    }

    /**
     * Coupons of this option still for sale: the least of its own cap and what the deal has left ({@code dealRemaining},
     * null: unlimited); null when neither limits it.
     */
    public Integer remaining(Integer dealRemaining) {
        Integer own = maxQuantity == null ? null : Math.max(0, maxQuantity - sold);
        if (own == null) {
            return dealRemaining;
        }
        return dealRemaining == null ? own : Math.min(own, dealRemaining);
    }

    public OptionTerms terms() {
        return new OptionTerms(id, title, price, originalValue, maxQuantity);
    }

    public String id() {
        return id;
    }

    public String dealId() {
        return dealId;
    }

    public int position() {
        return position;
    }

    public String title() {
        return title;
    }

    public BigDecimal price() {
        return price;
    }

    public BigDecimal originalValue() {
        return originalValue;
    }

    public Integer maxQuantity() {
        return maxQuantity;
    }

    public int sold() {
        return sold;
    }
}
