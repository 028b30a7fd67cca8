package io.groupdeal.domain.catalog;

import io.groupdeal.domain.photo.DealPhoto;
import io.groupdeal.domain.shared.Money;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A deal as anyone may see it: public fields only, with the stores where it is redeemed, the nearest one's distance,
 * its buyers' average rating ({@code rating} null without reviews) and its photos, cover first.
 */
public record CatalogDeal(
        String id,
        String tenantId,
        String title,
        String description,
        String finePrint,
        String merchantName,
        BigDecimal price,
        BigDecimal originalValue,
        String currency,
        int sold,
        int minBuyers,
        Integer maxQuantity,
        Instant salesStart,
        Instant salesEnd,
        Instant couponValidUntil,
        String status,
        Double distanceKm,
        List<CatalogStore> stores,
        Double rating,
        int reviews,
        List<CatalogOption> options,
        List<DealPhoto> photos) {

    public boolean tipped() {
        return sold >= minBuyers;
    }

    public Integer remaining() {
        return maxQuantity == null ? null : Math.max(0, maxQuantity - sold);
    }

    /** The price's discount on the original value, in whole percent. */
    public int discountPercent() {
        return Money.discountPercent(price, originalValue);
    }

    /**
     * The deal as its row was read, completed with what the catalog reads for a whole page at once: the stores where it
     * is redeemed, its buyers' rating, its options and its photos.
     */
    public CatalogDeal completed(
            List<CatalogStore> eligible,
            Double averageRating,
            int reviewCount,
            List<CatalogOption> ofDeal,
            List<DealPhoto> dealPhotos) {
        return new CatalogDeal(
                id,
                tenantId,
                title,
                description,
                finePrint,
                merchantName,
                price,
                originalValue,
                currency,
                sold,
                minBuyers,
                maxQuantity,
                salesStart,
                salesEnd,
                couponValidUntil,
                status,
                distanceKm,
                eligible,
                averageRating,
                reviewCount,
                List.copyOf(ofDeal),
                List.copyOf(dealPhotos));
    }

    /**
     * One option of the deal as buyers choose it; {@code remaining} is the least of its own cap's and the deal's
     * (null: unlimited).
     */
    public record CatalogOption(
            String id,
            String title,
            BigDecimal price,
            BigDecimal originalValue,
            Integer maxQuantity,
            int sold,
            Integer dealRemaining) {

        public Integer remaining() {
            Integer own = maxQuantity == null ? null : Math.max(0, maxQuantity - sold);
            if (own == null) {
                return dealRemaining;
            }
            return dealRemaining == null ? own : Math.min(own, dealRemaining);
        }
    }

    public record CatalogStore(String id, String name, String address, double latitude, double longitude) {}
}
