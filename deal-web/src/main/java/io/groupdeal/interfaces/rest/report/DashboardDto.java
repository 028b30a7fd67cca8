package io.groupdeal.interfaces.rest.report;

import io.groupdeal.domain.report.Dashboard;
import io.groupdeal.domain.shared.Language;
import io.groupdeal.interfaces.csv.Csv;
import io.groupdeal.interfaces.money.Amounts;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * {@code {from, to, timeZone, sold, revenue, currency, refunded, redeemed, redemptionRate, averageRating, reviewCount,
 * dealsOnSale, dealsWaitingToTip, revenueByCurrency, byDay: [{date, sold, revenue, redeemed}], byStore: [{storeId,
 * storeName, redeemed}], topDeals: [{dealId, title, currency, sold, revenue, redeemed}]}}; money as decimal strings with
 * the currency's minor digits, rates as decimal strings (null when there is nothing to divide by).
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

    public record StoreLine(String storeId, String storeName, long redeemed) {}

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
                d.byStore().stream()
                        .map(s -> new StoreLine(s.storeId(), s.storeName(), s.redeemed()))
                        .toList(),
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

    static final List<String> CSV_COLUMNS = List.of(
            "section",
            "key",
            "name",
            "currency",
            "sold",
            "revenue",
            "redeemed",
            "refunded",
            "redemption_rate",
            "average_rating");

    /**
     * The same figures as CSV, one table (the header in the reader's language): the totals, then one line per currency, day, store and top deal; money in
     * the currency of its line.
     */
    public String csv(Language language) {
        StringBuilder out = new StringBuilder(Csv.header(CSV_COLUMNS, language));
        line(out, "total", "", timeZone, currency, sold, revenue, redeemed)
                .append(',')
                .append(refunded)
                .append(',')
                .append(text(redemptionRate))
                .append(',')
                .append(text(averageRating))
                .append("\r\n");
        revenueByCurrency.forEach(m -> line(out, "currency", m.currency(), "", m.currency(), null, m.amount(), null)
                .append(",,,\r\n"));
        byDay.forEach(x -> line(out, "day", x.date().toString(), "", currency, x.sold(), x.revenue(), x.redeemed())
                .append(",,,\r\n"));
        byStore.forEach(s -> line(out, "store", s.storeId(), s.storeName(), "", null, "", s.redeemed())
                .append(",,,\r\n"));
        topDeals.forEach(
                t -> line(out, "deal", t.dealId(), t.title(), t.currency(), t.sold(), t.revenue(), t.redeemed())
                        .append(",,,\r\n"));
        return out.toString();
    }

    private static StringBuilder line(
            StringBuilder out,
            String section,
            String key,
            String name,
            String currency,
            Long sold,
            String revenue,
            Long redeemed) {
        return out.append(section)
                .append(',')
                .append(key)
                .append(',')
                .append(name.isEmpty() ? "" : Csv.text(name))
                .append(',')
                .append(text(currency))
                .append(',')
                .append(sold == null ? "" : sold)
                .append(',')
                .append(text(revenue))
                .append(',')
                .append(redeemed == null ? "" : redeemed);
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
