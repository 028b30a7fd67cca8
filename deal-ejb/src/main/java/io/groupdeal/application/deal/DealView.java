package io.groupdeal.application.deal;

import io.groupdeal.domain.deal.Deal;
import io.groupdeal.domain.deal.DealOption;
import java.util.List;

/**
 * A deal with the stores where its coupons can be redeemed (none listed: every store of the tenant) and its options
 * in their order.
 */
public record DealView(Deal deal, List<String> storeIds, List<DealOption> options) {

    /** A deal whose options are not read (none listed). */
    public DealView(Deal deal, List<String> storeIds) {
        this(deal, storeIds, List.of());
    }
}
