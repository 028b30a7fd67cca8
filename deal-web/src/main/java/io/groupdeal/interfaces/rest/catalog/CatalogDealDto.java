package io.groupdeal.interfaces.rest.catalog;

import io.groupdeal.domain.catalog.CatalogDeal;
import io.groupdeal.interfaces.money.Amounts;
import io.groupdeal.interfaces.rest.photo.PhotoDto;
import java.io.Serializable;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;

/**
 * A deal in the catalog: {@code {id, title, merchantName, price, originalValue, currency, sold, minBuyers, tipped,
 * remaining, salesEnd, rating, distanceKm, stores, options, photos}}: {@code rating} is the average of the buyers' reviews (one
 * decimal; absent without reviews) of {@code reviewCount}; description and fine print on the deal's own page.
 */
public record CatalogDealDto(
        String id,
        String title,
        String merchantName,
        String price,
        String originalValue,
        String currency,
        int discountPercent,
        int sold,
        int minBuyers,
        boolean tipped,
        Integer remaining,
        String status,
        Instant salesStart,
        Instant salesEnd,
        Instant couponValidUntil,
        Double rating,
        int reviewCount,
        Double distanceKm,
        String description,
        String finePrint,
        List<StoreDto> stores,
        List<OptionDto> options,
        List<PhotoDto> photos)
        implements Serializable {

    /** One option of the deal: its price and what is left of it ({@code remaining} null: unlimited). */
    public record OptionDto(
            String id,
            String title,
            String price,
            String originalValue,
            Integer maxQuantity,
            int sold,
            Integer remaining)
            implements Serializable {}

    public record StoreDto(String id, String name, String address, double latitude, double longitude)
            implements Serializable {}

    public static CatalogDealDto summary(CatalogDeal deal) {
        return of(deal, false);
    }

    public static CatalogDealDto detail(CatalogDeal deal) {
        return of(deal, true);
    }

    private static CatalogDealDto of(CatalogDeal d, boolean detail) {
        Double distance = d.distanceKm() == null
                ? null
                : BigDecimal.valueOf(d.distanceKm())
                        .setScale(3, RoundingMode.HALF_EVEN)
                        .doubleValue();
        return new CatalogDealDto(
                d.id(),
                d.title(),
                d.merchantName(),
                Amounts.format(d.price(), d.currency()),
                Amounts.format(d.originalValue(), d.currency()),
                d.currency(),
                d.discountPercent(),
                d.sold(),
                d.minBuyers(),
                d.tipped(),
                d.remaining(),
                d.status(),
                d.salesStart(),
                d.salesEnd(),
                d.couponValidUntil(),
                d.rating(),
                d.reviews(),
                distance,
                detail ? d.description() : null,
                detail ? d.finePrint() : null,
                d.stores().stream()
                        .map(s -> new StoreDto(s.id(), s.name(), s.address(), s.latitude(), s.longitude()))
                        .toList(),
                d.options().stream()
                        .map(o -> new OptionDto(
                                o.id(),
                                o.title(),
                                Amounts.format(o.price(), d.currency()),
                                Amounts.format(o.originalValue(), d.currency()),
                                o.maxQuantity(),
                                o.sold(),
                                o.remaining()))
                        .toList(),
                PhotoDto.of(d.photos()));
    }
}
