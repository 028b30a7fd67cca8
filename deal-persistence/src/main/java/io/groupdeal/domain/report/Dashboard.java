package io.groupdeal.domain.report;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A tenant's figures for a period of its calendar days. Sold, refunded and revenue count the coupons sold in the
 * period (revenue: the prices of those whose payment was taken and not refunded); redeemed counts the coupons
 * redeemed in the period (as the settlement statement does); the redemption rate is the share of the period's sold,
 * not refunded coupons that are redeemed by now. Money sums are per currency: {@code currency} is the one most coupons
 * of the period were sold in, and {@code revenue} and the days' revenue are in it; {@code revenueByCurrency} has all.
 */
public record Dashboard(
        LocalDate from,
        LocalDate to,
        String timeZone,
        long sold,
        long refunded,
        long redeemed,
        BigDecimal redemptionRate,
        String currency,
        BigDecimal revenue,
        List<Money> revenueByCurrency,
        BigDecimal averageRating,
        long reviews,
        long dealsOnSale,
        long dealsWaitingToTip,
        List<Day> byDay,
        List<StoreLine> byStore,
        List<DealLine> topDeals) {

    public record Money(String currency, BigDecimal amount) {}

    /** One calendar day of the tenant's time zone; every day of the period has one, empty days with zeros. */
    public record Day(LocalDate date, long sold, BigDecimal revenue, long redeemed) {}

    public record StoreLine(String storeId, String storeName, long redeemed) {}

    /** A deal among the period's best sellers, its revenue in its own currency. */
    public record DealLine(
            String dealId, String title, String currency, long sold, BigDecimal revenue, long redeemed) {}
}
