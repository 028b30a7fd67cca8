package io.groupdeal.domain.deal;

import io.groupdeal.domain.shared.Ids;
import io.groupdeal.domain.shared.Tenancy;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantDiscriminatorColumn;

/** A store where a deal's coupons can be redeemed. A deal without any is redeemable at every store of its tenant. */
@Entity
@Table(name = "deal_store")
@IdClass(DealStore.Key.class)
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(name = Tenancy.COLUMN, contextProperty = Tenancy.PROPERTY, length = Ids.LENGTH)
public class DealStore {

    @Id
    @Column(name = "deal_id")
    private String dealId;

    @Id
    @Column(name = "store_id")
    private String storeId;

    protected DealStore() {}

    public DealStore(String dealId, String storeId) {
        this.dealId = dealId;
        this.storeId = storeId;
    }

    public String dealId() {
        return dealId;
    }

    public String storeId() {
        return storeId;
    }

    /** The composite key: one row per deal and store. */
    public static class Key implements Serializable {
        private String dealId;
        private String storeId;

        public Key() {}

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(dealId, k.dealId) && Objects.equals(storeId, k.storeId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(dealId, storeId);
        }
    }
}
