package io.groupdeal.interfaces.csv;

import io.groupdeal.domain.deal.DealReport;
import io.groupdeal.domain.shared.Language;
import io.groupdeal.domain.shared.Money;
import java.util.List;

/** A deal's report as CSV: the totals, then one line per day, then one per store; money in the deal's currency. */
public final class ReportCsv {

    static final List<String> COLUMNS =
            List.of("section", "key", "sold", "redeemed", "refunded", "revenue", "redemption_rate");

    private ReportCsv() {}

    /** The file, its header in {@code language}. */
    public static String of(DealReport report, String currency, Language language) {
        String revenue = Money.plain(report.revenue(), currency);
        StringBuilder out = new StringBuilder(Csv.header(COLUMNS, language));
        out.append("total,,")
                .append(report.sold())
                .append(',')
                .append(report.redeemed())
                .append(',')
                .append(report.refunded())
                .append(',')
                .append(revenue == null ? "" : revenue)
                .append(',')
                .append(report.redemptionRate().toPlainString())
                .append("\r\n");
        report.byDay()
                .forEach(d -> out.append("day,")
                        .append(d.date())
                        .append(',')
                        .append(d.sold())
                        .append(',')
                        .append(d.redeemed())
                        .append(",,,\r\n"));
        report.byStore()
                .forEach(s -> out.append("store,")
                        .append(s.storeId())
                        .append(",,")
                        .append(s.redeemed())
                        .append(",,,\r\n"));
        return out.toString();
    }
}
