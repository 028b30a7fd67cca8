package io.groupdeal.interfaces.rest.counter;

import io.groupdeal.application.counter.RedeemableList;
import java.time.Instant;
import java.util.List;

/** A store's list of the hashes of its redeemable codes (never the codes), for a phone that loses its connection. */
public record RedeemableListDto(
        String storeId,
        String algorithm,
        String salt,
        int iterations,
        Instant createdAt,
        Instant expiresAt,
        List<String> hashes) {

    public static RedeemableListDto of(RedeemableList list) {
        return new RedeemableListDto(
                list.storeId(),
                list.algorithm(),
                list.salt(),
                list.iterations(),
                list.createdAt(),
                list.expiresAt(),
                list.hashes());
    }
}
