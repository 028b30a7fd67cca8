package io.groupdeal.domain.order;

import java.math.BigDecimal;
import java.time.Instant;

/** One row of purchase_order: {@code quantity} coupons of one deal for one buyer, paid as {@code paymentRef}. */
public record Order(String tenantId, String id, String dealId, String buyerId, int quantity, BigDecimal unitPrice,
                    BigDecimal amount, String currency, OrderStatus status, String paymentRef, Instant createdAt) {
}
