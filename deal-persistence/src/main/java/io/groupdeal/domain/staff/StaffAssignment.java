package io.groupdeal.domain.staff;

import io.groupdeal.domain.shared.Ids;
import io.groupdeal.domain.shared.Tenancy;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantDiscriminatorColumn;

/**
 * A staff member may redeem at this store. The foreign keys include tenant_id, so the database itself refuses an
 * assignment to another tenant's store.
 */
@Entity
@Table(name = "staff_assignment")
@IdClass(StaffAssignment.Key.class)
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(name = Tenancy.COLUMN, contextProperty = Tenancy.PROPERTY, length = Ids.LENGTH)
public class StaffAssignment {

    @Id
    @Column(name = "staff_id")
    private String staffId;

    @Id
    @Column(name = "store_id")
    private String storeId;

    protected StaffAssignment() {}

    public StaffAssignment(String staffId, String storeId) {
        this.staffId = staffId;
        this.storeId = storeId;
    }

    public String staffId() {
        return staffId;
    }

    public String storeId() {
        return storeId;
    }

    /** The composite key: one row per staff member and store. */
    public static class Key implements Serializable {
        private String staffId;
        private String storeId;

        public Key() {}

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k
                    && java.util.Objects.equals(staffId, k.staffId)
                    && java.util.Objects.equals(storeId, k.storeId);
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(staffId, storeId);
        }
    }
}
