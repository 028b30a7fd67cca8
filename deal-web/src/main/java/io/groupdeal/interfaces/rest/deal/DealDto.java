package io.groupdeal.interfaces.rest.deal;

import io.groupdeal.application.deal.DealView;
import io.groupdeal.domain.deal.Deal;
import io.groupdeal.interfaces.money.Amounts;
import io.groupdeal.interfaces.rest.photo.PhotoDto;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/**
 * A deal as its merchant sees it, with sales so far and what remains, its options (each with its own), its photos
 * (cover first), and, on a draft the operator sent back, the reason ({@code rejection}, null otherwise).
 */
public record DealDto(
        String id,
        String title,
        String description,
        String finePrint,
        String currency,
        String price,
        String originalValue,
        int minBuyers,
        Integer maxQuantity,
        Integer perBuyerLimit,
        Instant salesStart,
        Instant salesEnd,
        Instant couponValidUntil,
        List<String> storeIds,
        String refundPolicy,
        boolean autoRefundOnExpiry,
        String status,
        int sold,
        Integer remaining,
        boolean tipped,
        Instant tippedAt,
        Instant createdAt,
        String rejection,
        List<OptionDto> options,
        List<PhotoDto> photos,
        Integer teamSize,
        String teamPrice,
        Integer teamWindowMinutes)
        implements Serializable {

    public static DealDto of(DealView view) {
        Deal d = view.deal();
        return new DealDto(
                d.id(),
                d.title(),
                d.description(),
                d.finePrint(),
                d.currency(),
                Amounts.format(d.price(), d.currency()),
                Amounts.format(d.originalValue(), d.currency()),
                d.minBuyers(),
                d.maxQuantity(),
                d.perBuyerLimit(),
                d.salesStart(),
                d.salesEnd(),
                d.couponValidUntil(),
                view.storeIds(),
                d.refundPolicy().name(),
                d.autoRefundOnExpiry(),
                d.status().name(),
                d.sold(),
                d.remaining(),
                d.isTipped(),
                d.tippedAt(),
                d.createdAt(),
                d.rejection(),
                view.options().stream()
                        .map(o -> OptionDto.of(o, d.currency(), d.remaining()))
                        .toList(),
                PhotoDto.of(view.photos()),
                d.teamTerms().size(),
                Amounts.format(d.teamTerms().price(), d.currency()),
                d.teamTerms().windowMinutes());
    }
}
