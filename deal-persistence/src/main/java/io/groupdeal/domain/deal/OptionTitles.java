package io.groupdeal.domain.deal;

/**
 * Which option of its deal a coupon is for, where people read the coupon (the counter, the buyer's coupons): staff must
 * see "for 4" before they serve four. Only a deal of several options names one; a deal's only option is the deal itself.
 */
public final class OptionTitles {

    private OptionTitles() {}

    /**
     * SQL for the title of the option bought by the order of the coupon aliased {@code coupon}, NULL when its deal has
     * one option: two primary-key reads and one index probe ({@code ix_deal_option_deal}).
     */
    public static String ofCoupon(String coupon) {
        return "(SELECT op.title FROM purchase_order o JOIN deal_option op ON op.tenant_id = o.tenant_id AND op.id = o.option_id"
                + " WHERE o.tenant_id = " + coupon + ".tenant_id AND o.id = " + coupon + ".order_id"
                + " AND EXISTS (SELECT 1 FROM deal_option x WHERE x.tenant_id = op.tenant_id AND x.deal_id = op.deal_id"
                + " AND x.id <> op.id))";
    }

    /** The deal's title with its option's, as one line people read: "Dumplings · For four". */
    public static String joined(String dealTitle, String optionTitle) {
        return optionTitle == null || optionTitle.isBlank() ? dealTitle : dealTitle + " · " + optionTitle;
    }
}
