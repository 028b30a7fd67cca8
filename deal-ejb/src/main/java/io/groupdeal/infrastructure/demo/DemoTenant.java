package io.groupdeal.infrastructure.demo;

import java.util.List;

/** A demo merchant: its admin, its stores, its staff (all with the demo password) and its deals on sale. */
record DemoTenant(String businessName, String adminEmail, List<DemoStore> stores, List<DemoStaff> staff, List<DemoDeal> deals) {

    record DemoStore(String name, String address, double latitude, double longitude, String timeZone) {
    }

    /** A staff member assigned to the stores at these positions of the tenant's store list. */
    record DemoStaff(String name, String email, List<Integer> stores) {
    }

    /** A deal on sale from the first start for {@code daysOnSale} days, at every store, coupons valid 60 days. */
    record DemoDeal(String title, String description, String finePrint, String price, String originalValue, int minBuyers,
                    int maxQuantity, int daysOnSale) {
    }
}
