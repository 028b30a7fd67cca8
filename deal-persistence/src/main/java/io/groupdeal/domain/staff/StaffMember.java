package io.groupdeal.domain.staff;

import io.groupdeal.domain.shared.Ids;
import io.groupdeal.domain.shared.Tenancy;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantDiscriminatorColumn;

/**
 * A member of a tenant's counter staff. The id is the id of the staff member's login account; this row is what
 * makes the account tenant data that only its own tenant can list, change or delete.
 */
@Entity
@Table(name = "staff_member")
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(name = Tenancy.COLUMN, contextProperty = Tenancy.PROPERTY, length = Ids.LENGTH)
public class StaffMember {

    @Id
    private String id;

    @Column(name = "created_at")
    private Instant createdAt;

    protected StaffMember() {}

    public StaffMember(String accountId, Instant createdAt) {
        this.id = accountId;
        this.createdAt = createdAt;
    }

    public String id() {
        return id;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
