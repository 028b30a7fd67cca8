package io.groupdeal.application;

import io.groupdeal.application.problem.InvalidInput;
import io.groupdeal.application.problem.InvalidInput.FieldError;
import io.groupdeal.application.problem.Reason;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;

/**
 * Idempotency keys of requests that change money or coupons (orders, redemptions): the key as the client sent it,
 * checked, and a fingerprint of the request so that the same key with another body is told apart.
 */
public final class Idempotency {

    private static final int MAX_KEY_LENGTH = 128;

    private Idempotency() {}

    /** The key, stripped; 400 {@code idempotency-key-missing} without one. */
    public static String required(String key, String what) {
        if (key == null || key.isBlank()) {
            throw new InvalidInput(
                    "idempotency-key-missing",
                    Reason.of("idempotency-key-missing." + what),
                    List.of(FieldError.of("Idempotency-Key", "required")));
        }
        return optional(key);
    }

    /** The key, stripped, or null when none was sent. */
    public static String optional(String key) {
        if (key == null || key.isBlank()) {
            return null;
        }
        String trimmed = key.strip();
        if (trimmed.length() > MAX_KEY_LENGTH || !trimmed.chars().allMatch(c -> c > 32 && c < 127)) {
            throw new InvalidInput("Idempotency-Key", "visible-ascii", MAX_KEY_LENGTH);
        }
        return trimmed;
    }

    /** SHA-256 of the request's parts, hex: the same request gives the same fingerprint. */
    public static String fingerprint(Object... parts) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < parts.length; i++) {
            text.append(i == 0 ? "" : "\n").append(parts[i]);
        }
        try {
            return java.util.HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256")
                            .digest(text.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing", e);
        }
    }
}
