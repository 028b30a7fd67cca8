package io.groupdeal.application.deal;

import io.groupdeal.domain.deal.Deal;
import io.groupdeal.domain.deal.DealOption;
import io.groupdeal.domain.photo.DealPhoto;
import java.io.Serializable;
import java.util.List;

/**
 * A deal with the stores where its coupons can be redeemed (none listed: every store of the tenant), its options in
 * their order and its photos, cover first.
 */
public record DealView(Deal deal, List<String> storeIds, List<DealOption> options, List<DealPhoto> photos)
        implements Serializable {

    /** A deal whose options are read but whose photos are not (none listed). */
    public DealView(Deal deal, List<String> storeIds, List<DealOption> options) {
        this(deal, storeIds, options, List.of());
    }

    /** A deal whose options and photos are not read (none listed). */
    public DealView(Deal deal, List<String> storeIds) {
        this(deal, storeIds, List.of());
    }
}
