package io.groupdeal.interfaces.rest.order;

import io.groupdeal.application.order.OrderView;
import io.groupdeal.domain.order.Order;
import io.groupdeal.interfaces.money.Amounts;
import java.time.Instant;
import java.util.List;

/** An order with its coupons; {@code optionId} is the option of the deal it bought. */
public record OrderDto(
        String id,
        String dealId,
        String optionId,
        String dealTitle,
        int quantity,
        String unitPrice,
        String amount,
        String currency,
        String status,
        Instant createdAt,
        List<CouponDto> coupons) {

    public static OrderDto of(OrderView view) {
        Order o = view.order();
        return new OrderDto(
                o.id(),
                o.dealId(),
                o.optionId(),
                view.dealTitle(),
                o.quantity(),
                Amounts.format(o.unitPrice(), o.currency()),
                Amounts.format(o.amount(), o.currency()),
                o.currency(),
                o.status().name(),
                o.createdAt(),
                view.coupons().stream().map(CouponDto::of).toList());
    }
}
