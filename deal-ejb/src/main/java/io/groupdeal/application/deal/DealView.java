package io.groupdeal.application.deal;

import io.groupdeal.domain.deal.Deal;
import io.groupdeal.domain.photo.DealPhoto;
import java.util.List;

/**
 * A deal with the stores where its coupons can be redeemed (none listed: every store of the tenant) and its photos,
 * cover first.
 */
public record DealView(Deal deal, List<String> storeIds, List<DealPhoto> photos) {

    /** A deal without photos (a new one). */
    public DealView(Deal deal, List<String> storeIds) {
        this(deal, storeIds, List.of());
    }
}
