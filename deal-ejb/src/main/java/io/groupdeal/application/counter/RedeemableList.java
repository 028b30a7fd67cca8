package io.groupdeal.application.counter;

import java.time.Instant;
import java.util.List;

/**
 * A store's list of the hashes of its redeemable codes, for a phone that loses its connection ({@code
 * domain.redemption.CodeHash}): never the codes. The phone trusts it until {@code expiresAt} and asks for a new one
 * every minute while online.
 */
public record RedeemableList(
        String storeId,
        String algorithm,
        String salt,
        int iterations,
        Instant createdAt,
        Instant expiresAt,
        List<String> hashes) {}
