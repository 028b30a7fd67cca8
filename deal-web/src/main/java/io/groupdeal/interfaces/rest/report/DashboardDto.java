package io.groupdeal.interfaces.rest.report;

import io.groupdeal.domain.report.Dashboard;
import io.groupdeal.domain.report.Dashboard.StoreLine;
import io.groupdeal.interfaces.money.Amounts;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * {@code {from, to, timeZone, sold, revenue, currency, refunded, redeemed, redemptionRate, averageRating, reviewCount,
 * dealsOnSale, dealsWaitingToTip, revenueByCurrency, byDay: [{date, sold, revenue, redeemed}], byStore: [{storeId,
 * storeName, redeemed}], topDeals: [{dealId, title, currency, sold, revenue, redeemed}]}}; money as decimal strings with
 * the currency's minor digits, rates as decimal strings (null when there is nothing to divide by). The store lines
 * are the domain's, as they hold no money to format.
 */
public record DashboardDto(
        LocalDate from,
        LocalDate to,
        String timeZone,
        long sold,
        String revenue,
        String currency,
        long refunded,
        long redeemed,
        String redemptionRate,
        String averageRating,
        long reviewCount,
        long dealsOnSale,
        long dealsWaitingToTip,
        List<MoneyLine> revenueByCurrency,
        List<DayLine> byDay,
        List<StoreLine> byStore,
        List<DealLine> topDeals) {

    public record MoneyLine(String currency, String amount) {}

    public record DayLine(LocalDate date, long sold, String revenue, long redeemed) {}

    public record DealLine(String dealId, String title, String currency, long sold, String revenue, long redeemed) {}

    public static DashboardDto of(Dashboard d) {
        String currency = d.currency();
        return new DashboardDto(
                d.from(),
                d.to(),
                d.timeZone(),
                d.sold(),
                Amounts.format(d.revenue(), currency),
                currency,
                d.refunded(),
                d.redeemed(),
                plain(d.redemptionRate()),
                plain(d.averageRating()),
                d.reviews(),
                d.dealsOnSale(),
                d.dealsWaitingToTip(),
                d.revenueByCurrency().stream()
                        .map(m -> new MoneyLine(m.currency(), Amounts.format(m.amount(), m.currency())))
                        .toList(),
                d.byDay().stream()
                        .map(x -> new DayLine(x.date(), x.sold(), Amounts.format(x.revenue(), currency), x.redeemed()))
                        .toList(),
                d.byStore(),
                d.topDeals().stream()
                        .map(t -> new DealLine(
                                t.dealId(),
                                t.title(),
                                t.currency(),
                                t.sold(),
                                Amounts.format(t.revenue(), t.currency()),
                                t.redeemed()))
                        .toList());
    }

    private static String plain(BigDecimal value) {
        return value == null ? null : value.toPlainString();
    }
}
