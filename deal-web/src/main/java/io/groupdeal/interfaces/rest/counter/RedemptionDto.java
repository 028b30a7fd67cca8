package io.groupdeal.interfaces.rest.counter;

import io.groupdeal.domain.redemption.Redemption;
import java.time.Duration;
import java.time.Instant;

/** A redemption; {@code undoneAt}, {@code undoneBy} and {@code undoReason} once it was undone. */
public record RedemptionDto(
        String id,
        String code,
        String dealTitle,
        String storeId,
        String storeName,
        String staffId,
        String staffName,
        Instant redeemedAt,
        Instant undoableUntil,
        Instant undoneAt,
        String undoneBy,
        String undoReason) {

    /** The redemption with its undo deadline: when it was made plus the business's undo window. */
    public static RedemptionDto of(Redemption r, Duration undoWindow) {
        return of(r, r.redeemedAt().plus(undoWindow));
    }

    public static RedemptionDto of(Redemption r, Instant undoableUntil) {
        return new RedemptionDto(
                r.id(),
                r.code(),
                r.dealTitle(),
                r.storeId(),
                r.storeName(),
                r.staffId(),
                r.staffName(),
                r.redeemedAt(),
                undoableUntil,
                r.undoneAt(),
                r.undoneByName(),
                r.undoReason());
    }
}
