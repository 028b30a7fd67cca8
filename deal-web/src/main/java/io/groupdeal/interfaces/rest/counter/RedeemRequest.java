package io.groupdeal.interfaces.rest.counter;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * A code as staff typed or scanned it (forgiving: case, spaces and hyphens do not matter) and the counter's store; from
 * a phone's offline queue also when it was redeemed there ({@code redeemedOfflineAt}, an ISO-8601 instant).
 */
public record RedeemRequest(
        @NotBlank @Size(max = 64) String code,
        @Size(max = 26) String storeId,
        @Size(max = 40) String redeemedOfflineAt) {}
