package io.groupdeal.application.deal;

import io.groupdeal.domain.deal.Deal;
import java.util.List;

/** A deal with the stores where its coupons can be redeemed (none listed: every store of the tenant). */
public record DealView(Deal deal, List<String> storeIds) {
}
