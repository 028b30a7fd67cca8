package io.groupdeal.domain.order;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One row of purchase_order: {@code quantity} coupons of one option ({@code optionId}) of one deal for one buyer, paid
 * as {@code paymentRef}; {@code unitPrice} is the option's price when it was reserved.
 */
public record Order(
        String tenantId,
        String id,
        String dealId,
        String buyerId,
        int quantity,
        BigDecimal unitPrice,
        BigDecimal amount,
        String currency,
        OrderStatus status,
        String paymentRef,
        Instant createdAt,
        String optionId) {

    /** The same order in another status with its payment's reference (what a settling update made of the row). */
    public Order settled(OrderStatus newStatus, String newPaymentRef) {
        return new Order(
                tenantId,
                id,
                dealId,
                buyerId,
                quantity,
                unitPrice,
                amount,
                currency,
                newStatus,
                newPaymentRef,
                createdAt,
                optionId);
    }
}
