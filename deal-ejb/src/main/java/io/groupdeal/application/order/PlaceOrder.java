package io.groupdeal.application.order;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** What a buyer asks for: {@code quantity} coupons of a deal, paid with a card token. */
public record PlaceOrder(String dealId, Integer quantity, String paymentToken) {

    /** The same request gives the same fingerprint: an idempotency key reused with another body is told apart. */
    public String fingerprint() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest((dealId + "\n" + quantity + "\n" + paymentToken)
                    .getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing", e);
        }
    }
}
