package io.groupdeal.interfaces.rest.order;

import io.groupdeal.application.order.PlaceOrder;
import jakarta.validation.constraints.Size;

/**
 * An order as a buyer sends it ({@code optionId} may be left out for a deal of one option); the rules are checked by
 * the order service.
 */
public record OrderRequest(
        @Size(max = 26) String dealId,
        Integer quantity,
        @Size(max = 100) String paymentToken,
        @Size(max = 26) String optionId) {

    public PlaceOrder toPlaceOrder() {
        return new PlaceOrder(dealId, optionId, quantity, paymentToken);
    }
}
