package io.groupdeal.interfaces.csv;

import io.groupdeal.domain.report.Dashboard;
import io.groupdeal.domain.shared.Language;
import io.groupdeal.domain.shared.Money;
import java.math.BigDecimal;
import java.util.List;

/**
 * The dashboard as CSV, one table: the totals, then one line per currency, day, store and top deal; money in the
 * currency of its line with that currency's minor digits, rates as plain decimals (empty when there was nothing to
 * divide).
 */
public final class DashboardCsv {

    static final List<String> COLUMNS = List.of(
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

    private DashboardCsv() {}

    /** The file, its header in {@code language}. */
    public static String of(Dashboard d, Language language) {
        String currency = d.currency();
        StringBuilder out = new StringBuilder(Csv.header(COLUMNS, language));
        line(out, "total", "", d.timeZone(), currency, d.sold(), Money.plain(d.revenue(), currency), d.redeemed())
                .append(',')
                .append(d.refunded())
                .append(',')
                .append(plain(d.redemptionRate()))
                .append(',')
                .append(plain(d.averageRating()))
                .append("\r\n");
        d.revenueByCurrency()
                .forEach(m -> line(
                                out,
                                "currency",
                                m.currency(),
                                "",
                                m.currency(),
                                null,
                                Money.plain(m.amount(), m.currency()),
                                null)
                        .append(",,,\r\n"));
        d.byDay()
                .forEach(x -> line(
                                out,
                                "day",
                                x.date().toString(),
                                "",
                                currency,
                                x.sold(),
                                Money.plain(x.revenue(), currency),
                                x.redeemed())
                        .append(",,,\r\n"));
        d.byStore()
                .forEach(s -> line(out, "store", s.storeId(), s.storeName(), "", null, "", s.redeemed())
                        .append(",,,\r\n"));
        d.topDeals()
                .forEach(t -> line(
                                out,
                                "deal",
                                t.dealId(),
                                t.title(),
                                t.currency(),
                                t.sold(),
                                Money.plain(t.revenue(), t.currency()),
                                t.redeemed())
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

    private static String plain(BigDecimal value) {
        return value == null ? "" : value.toPlainString();
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
