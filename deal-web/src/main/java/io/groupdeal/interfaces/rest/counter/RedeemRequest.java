package io.groupdeal.interfaces.rest.counter;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A code as staff typed or scanned it (forgiving: case, spaces and hyphens do not matter) and the counter's store. */
public record RedeemRequest(@NotBlank @Size(max = 64) String code, @Size(max = 26) String storeId) {
}
