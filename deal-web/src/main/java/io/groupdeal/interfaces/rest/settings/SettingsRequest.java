package io.groupdeal.interfaces.rest.settings;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** What a merchant admin may change; all three are sent (PUT replaces them). */
public record SettingsRequest(@NotNull @Size(max = 120) String businessName, @NotNull @Size(max = 64) String timeZone,
                              @NotNull Integer undoWindowMinutes) {
}
