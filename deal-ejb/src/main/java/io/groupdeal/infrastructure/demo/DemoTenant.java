package io.groupdeal.infrastructure.demo;

import java.util.List;

/** A demo merchant: its admin, its stores and its staff, all with the demo password. */
record DemoTenant(String businessName, String adminEmail, List<DemoStore> stores, List<DemoStaff> staff) {

    record DemoStore(String name, String address, double latitude, double longitude, String timeZone) {
    }

    /** A staff member assigned to the stores at these positions of the tenant's store list. */
    record DemoStaff(String name, String email, List<Integer> stores) {
    }
}
