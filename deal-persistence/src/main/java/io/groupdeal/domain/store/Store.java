package io.groupdeal.domain.store;

import io.groupdeal.domain.shared.Ids;
import io.groupdeal.domain.shared.InvalidValue;
import io.groupdeal.domain.shared.Tenancy;
import io.groupdeal.domain.shared.TimeZones;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.io.Serializable;
import java.time.Instant;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantDiscriminatorColumn;

/**
 * A place of business of one tenant, where its coupons are redeemed. Tenant data. A store that history still names
 * (a past deal's store list, a redemption) is archived rather than deleted: it keeps its row and name for that
 * history, and leaves every list and choice.
 */
@Entity
@Table(name = "store")
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(name = Tenancy.COLUMN, contextProperty = Tenancy.PROPERTY, length = Ids.LENGTH)
public class Store implements Serializable {

    public static final int MAX_NAME = 120;
    public static final int MAX_ADDRESS = 300;

    @Id
    private String id;

    private String name;

    private String address;

    @Embedded
    private GeoPoint location;

    @Column(name = "time_zone")
    private String timeZone;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "archived_at")
    private Instant archivedAt;

    @Version
    private int version;

    protected Store() {}

    public Store(String name, String address, GeoPoint location, String timeZone, Instant createdAt) {
        this.id = Ids.newId();
        this.createdAt = createdAt;
        describe(name, address, location, timeZone);
    }

    /** Every field is checked before any changes: a refused description leaves the store as it was. */
    public void describe(String name, String address, GeoPoint location, String timeZone) {
        String checkedName = requireText(name, "name", MAX_NAME);
        String checkedAddress = requireText(address, "address", MAX_ADDRESS);
        if (location == null) {
            throw new InvalidValue("location", "required");
        }
        String zone = TimeZones.require(timeZone);
        this.name = checkedName;
        this.address = checkedAddress;
        this.location = location;
        this.timeZone = zone;
    }

    private static String requireText(String value, String field, int max) {
        if (value == null || value.isBlank() || value.strip().length() > max) {
            throw new InvalidValue(field, "length-between", 1, max);
        }
        return value.strip();
    }

    public String id() {
        return id;
    }

    public String name() {
        return name;
    }

    public String address() {
        return address;
    }

    public GeoPoint location() {
        return location;
    }

    public String timeZone() {
        return timeZone;
    }

    public Instant createdAt() {
        return createdAt;
    }

    /** Out of use from now on: no new deal, staff member or redemption can name it. */
    public void archive(Instant now) {
        if (archivedAt == null) {
            archivedAt = now;
        }
    }

    public boolean isArchived() {
        return archivedAt != null;
    }
}
