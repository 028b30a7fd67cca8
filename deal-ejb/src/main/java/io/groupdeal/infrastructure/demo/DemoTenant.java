package io.groupdeal.infrastructure.demo;

import io.groupdeal.domain.deal.TeamTerms;
import io.groupdeal.domain.shared.Language;
import java.util.List;

/**
 * A demo merchant: its admin, its stores, its staff (all with the demo password), its deals on sale, and the language of
 * its mails to buyers who never chose one.
 */
record DemoTenant(
        String businessName,
        String adminEmail,
        Language language,
        List<DemoStore> stores,
        List<DemoStaff> staff,
        List<DemoDeal> deals) {

    record DemoStore(String name, String address, double latitude, double longitude, String timeZone) {}

    /** A staff member assigned to the stores at these positions of the tenant's store list. */
    record DemoStaff(String name, String email, List<Integer> stores) {}

    /**
     * A deal on sale from the first start for {@code daysOnSale} days, at every store, coupons valid 60 days; sold as
     * its options (none: one option at the deal's price).
     */
    record DemoDeal(
            String title,
            String description,
            String finePrint,
            String currency,
            String price,
            String originalValue,
            int minBuyers,
            int maxQuantity,
            int daysOnSale,
            List<DemoOption> options,
            TeamTerms team) {

        DemoDeal(
                String title,
                String description,
                String finePrint,
                String price,
                String originalValue,
                int minBuyers,
                int maxQuantity,
                int daysOnSale) {
            this(
                    title,
                    description,
                    finePrint,
                    "EUR",
                    price,
                    originalValue,
                    minBuyers,
                    maxQuantity,
                    daysOnSale,
                    List.of(),
                    TeamTerms.NONE);
        }
    }

    /** One option of a demo deal, with its own cap (null: only the deal's). */
    record DemoOption(String title, String price, String originalValue, Integer maxQuantity) {}
}
