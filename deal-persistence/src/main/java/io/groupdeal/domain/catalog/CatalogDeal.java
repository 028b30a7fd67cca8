package io.groupdeal.domain.catalog;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** A deal as anyone may see it: public fields only, with the stores where it is redeemed and the nearest one's distance. */
public record CatalogDeal(String id, String tenantId, String title, String description, String finePrint,
                          String merchantName, BigDecimal price, BigDecimal originalValue, String currency, int sold,
                          int minBuyers, Integer maxQuantity, Instant salesStart, Instant salesEnd,
                          Instant couponValidUntil, String status, Double distanceKm, List<CatalogStore> stores) {

    public boolean tipped() {
        return sold >= minBuyers;
    }

    public Integer remaining() {
        return maxQuantity == null ? null : Math.max(0, maxQuantity - sold);
    }

    public CatalogDeal withStores(List<CatalogStore> eligible) {
        return new CatalogDeal(id, tenantId, title, description, finePrint, merchantName, price, originalValue, currency,
                sold, minBuyers, maxQuantity, salesStart, salesEnd, couponValidUntil, status, distanceKm, eligible);
    }

    public record CatalogStore(String id, String name, String address, double latitude, double longitude) {
    }
}
