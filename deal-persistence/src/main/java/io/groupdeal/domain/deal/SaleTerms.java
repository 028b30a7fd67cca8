package io.groupdeal.domain.deal;

import java.math.BigDecimal;
import java.time.Instant;

/** What a buyer's order needs of a deal: whose it is, what a coupon costs, the buyer's limit and the validity. */
public record SaleTerms(String tenantId, String dealId, String title, String merchantName, DealStatus status,
                        BigDecimal price, String currency, Integer perBuyerLimit, Instant couponValidUntil,
                        boolean tipped) {
}
