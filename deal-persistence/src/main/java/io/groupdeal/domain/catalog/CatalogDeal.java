package io.groupdeal.domain.catalog;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import io.groupdeal.domain.photo.DealPhoto;

/**
 * A deal as anyone may see it: public fields only, with the stores where it is redeemed, the nearest one's distance,
 * its buyers' average rating ({@code rating} null without reviews) and its photos, cover first.
 */
public record CatalogDeal(String id, String tenantId, String title, String description, String finePrint,
                          String merchantName, BigDecimal price, BigDecimal originalValue, String currency, int sold,
                          int minBuyers, Integer maxQuantity, Instant salesStart, Instant salesEnd,
                          Instant couponValidUntil, String status, Double distanceKm, List<CatalogStore> stores,
                          Double rating, int reviews, List<DealPhoto> photos) {

    public boolean tipped() {
        return sold >= minBuyers;
    }

    public Integer remaining() {
        return maxQuantity == null ? null : Math.max(0, maxQuantity - sold);
    }

    public CatalogDeal with(List<CatalogStore> eligible, Double averageRating, int reviewCount) {
        return new CatalogDeal(id, tenantId, title, description, finePrint, merchantName, price, originalValue, currency,
                sold, minBuyers, maxQuantity, salesStart, salesEnd, couponValidUntil, status, distanceKm, eligible,
                averageRating, reviewCount, photos);
    }

    public CatalogDeal withPhotos(List<DealPhoto> dealPhotos) {
        return new CatalogDeal(id, tenantId, title, description, finePrint, merchantName, price, originalValue, currency,
                sold, minBuyers, maxQuantity, salesStart, salesEnd, couponValidUntil, status, distanceKm, stores, rating,
                reviews, List.copyOf(dealPhotos));
    }

    public record CatalogStore(String id, String name, String address, double latitude, double longitude) {
    }
}
