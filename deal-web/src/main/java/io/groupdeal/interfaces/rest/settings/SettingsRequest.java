package io.groupdeal.interfaces.rest.settings;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * What a merchant admin may change; the first three are sent (PUT replaces them). {@code language} ({@code en},
 * {@code zh-CN}), the language of mails to buyers who never chose one, is left as it is when not sent.
 */
public record SettingsRequest(
        @NotNull @Size(max = 120) String businessName,
        @NotNull @Size(max = 64) String timeZone,
        @NotNull Integer undoWindowMinutes,
        @Size(max = 16) String language) {}
