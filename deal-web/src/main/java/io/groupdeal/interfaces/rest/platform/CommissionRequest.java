package io.groupdeal.interfaces.rest.platform;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** {@code {"commissionRate": "0.15"}}: a decimal from 0 to 1, as a string like money. */
public record CommissionRequest(@NotBlank @Size(max = 20) String commissionRate) {
}
