package io.groupdeal.domain.deal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * What a deal sold and what became of its coupons, counted from the coupon rows. Revenue is the price of the
 * coupons whose payment was taken and not refunded; the redemption rate is redeemed over sold less refunded.
 */
public record DealReport(
        long sold,
        BigDecimal revenue,
        long redeemed,
        long refunded,
        BigDecimal redemptionRate,
        List<StoreLine> byStore,
        List<DayLine> byDay) {

    public record StoreLine(String storeId, long redeemed) {}

    public record DayLine(LocalDate date, long sold, long redeemed) {}
}
