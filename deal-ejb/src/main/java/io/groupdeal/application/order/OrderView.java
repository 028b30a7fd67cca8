package io.groupdeal.application.order;

import io.groupdeal.domain.coupon.Coupon;
import io.groupdeal.domain.order.Order;
import java.util.List;

/** An order with its coupons and its deal's title, as its buyer sees it. */
public record OrderView(Order order, String dealTitle, List<Coupon> coupons) {}
