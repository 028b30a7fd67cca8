package io.groupdeal.interfaces.rest.order;

import io.groupdeal.application.order.PlaceOrder;
import jakarta.validation.constraints.Size;

/** An order as a buyer sends it; the rules are checked by the order service. */
public record OrderRequest(@Size(max = 26) String dealId, Integer quantity, @Size(max = 100) String paymentToken) {

    public PlaceOrder toPlaceOrder() {
        return new PlaceOrder(dealId, quantity, paymentToken);
    }
}
