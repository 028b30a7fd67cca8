package io.groupdeal.interfaces.web;

import io.groupdeal.application.PageRequest;
import io.groupdeal.application.staff.StaffDetails;
import io.groupdeal.application.staff.StaffService;
import io.groupdeal.application.staff.StaffView;
import io.groupdeal.application.store.StoreDetails;
import io.groupdeal.application.store.StoreService;
import io.groupdeal.domain.store.Store;
import jakarta.annotation.PostConstruct;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The merchant admin's "Stores &amp; staff" page: add, edit and delete stores and counter staff. A change that
 * succeeds reloads the page (post, redirect, get), so a refresh never submits it twice.
 */
@Named
@ViewScoped
public class StoresPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private StoreService storeService;

    @Inject
    private StaffService staffService;

    private List<Store> stores = List.of();
    private List<StaffView> staff = List.of();
    private long storeTotal;

    private String editingStoreId;
    private String storeName;
    private String storeAddress;
    private Double latitude;
    private Double longitude;
    private String timeZone = "UTC";

    private String editingStaffId;
    private String staffName;
    private String staffEmail;
    private String staffPassword;
    private List<String> staffStoreIds = new ArrayList<>();

    @PostConstruct
    void load() {
        var page = storeService.list(new PageRequest(0, PageRequest.MAX_SIZE));
        stores = page.items();
        storeTotal = page.total();
        staff = staffService.list(new PageRequest(0, PageRequest.MAX_SIZE)).items();
    }

    public String saveStore() {
        StoreDetails details = new StoreDetails(storeName, storeAddress, latitude, longitude, timeZone);
        boolean editing = editingStoreId != null;
        if (Messages.attemptIn("storeForm", () -> {
            if (editing) {
                storeService.update(editingStoreId, details);
            } else {
                storeService.create(details);
            }
        })) {
            Messages.info(Words.of(editing ? "page.stores.saved" : "page.stores.added", storeName.strip()));
            return Messages.reloadPage();
        }
        return null;
    }

    public void editStore(Store store) {
        editingStoreId = store.id();
        storeName = store.name();
        storeAddress = store.address();
        latitude = store.location().latitude();
        longitude = store.location().longitude();
        timeZone = store.timeZone();
    }

    public String deleteStore(Store store) {
        if (Messages.attempt(() -> storeService.delete(store.id()))) {
            Messages.info(Words.of("page.stores.deleted", store.name()));
            return Messages.reloadPage();
        }
        return null;
    }

    public void clearStore() {
        editingStoreId = null;
        storeName = null;
        storeAddress = null;
        latitude = null;
        longitude = null;
        timeZone = stores.isEmpty() ? "UTC" : stores.get(0).timeZone();
    }

    public String saveStaff() {
        StaffDetails details = new StaffDetails(staffEmail, staffName, staffPassword, staffStoreIds);
        boolean editing = editingStaffId != null;
        if (Messages.attemptIn("staffForm", () -> {
            if (editing) {
                staffService.update(editingStaffId, details);
            } else {
                staffService.create(details);
            }
        })) {
            Messages.info(Words.of(editing ? "page.stores.staffSaved" : "page.stores.staffAdded", staffName.strip()));
            return Messages.reloadPage();
        }
        return null;
    }

    public void editStaff(StaffView member) {
        editingStaffId = member.id();
        staffName = member.name();
        staffEmail = member.email();
        staffPassword = null;
        staffStoreIds = new ArrayList<>(member.storeIds());
    }

    public String deleteStaff(StaffView member) {
        if (Messages.attempt(() -> staffService.delete(member.id()))) {
            Messages.info(Words.of("page.stores.staffRemoved", member.name()));
            return Messages.reloadPage();
        }
        return null;
    }

    public void clearStaff() {
        editingStaffId = null;
        staffName = null;
        staffEmail = null;
        staffPassword = null;
        staffStoreIds = new ArrayList<>();
    }

    /** Store names of a staff member, for the table. */
    public String storeNames(StaffView member) {
        Map<String, String> names = stores.stream().collect(Collectors.toMap(Store::id, Store::name));
        return member.storeIds().stream().map(id -> names.getOrDefault(id, "?")).collect(Collectors.joining(", "));
    }

    /** The messages of one of the page's forms, shown beside it (the page's own show once at the top). */
    public List<FacesMessage> messagesOf(String formId) {
        return Messages.of(formId);
    }

    public List<Store> getStores() {
        return stores;
    }

    public long getStoreTotal() {
        return storeTotal;
    }

    public List<StaffView> getStaff() {
        return staff;
    }

    public boolean isEditingStore() {
        return editingStoreId != null;
    }

    public boolean isEditingStaff() {
        return editingStaffId != null;
    }

    public String getStoreName() {
        return storeName;
    }

    public void setStoreName(String storeName) {
        this.storeName = storeName;
    }

    public String getStoreAddress() {
        return storeAddress;
    }

    public void setStoreAddress(String storeAddress) {
        this.storeAddress = storeAddress;
    }

    public Double getLatitude() {
        return latitude;
    }

    public void setLatitude(Double latitude) {
        this.latitude = latitude;
    }

    public Double getLongitude() {
        return longitude;
    }

    public void setLongitude(Double longitude) {
        this.longitude = longitude;
    }

    public String getTimeZone() {
        return timeZone;
    }

    public void setTimeZone(String timeZone) {
        this.timeZone = timeZone;
    }

    public String getStaffName() {
        return staffName;
    }

    public void setStaffName(String staffName) {
        this.staffName = staffName;
    }

    public String getStaffEmail() {
        return staffEmail;
    }

    public void setStaffEmail(String staffEmail) {
        this.staffEmail = staffEmail;
    }

    public String getStaffPassword() {
        return staffPassword;
    }

    public void setStaffPassword(String staffPassword) {
        this.staffPassword = staffPassword;
    }

    public List<String> getStaffStoreIds() {
        return staffStoreIds;
    }

    public void setStaffStoreIds(List<String> staffStoreIds) {
        this.staffStoreIds = staffStoreIds;
    }
}
