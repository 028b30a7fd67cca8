package io.groupdeal.interfaces.rest.deal;

import io.groupdeal.domain.deal.DealReport;
import io.groupdeal.domain.shared.Language;
import io.groupdeal.interfaces.money.Amounts;
import io.groupdeal.interfaces.rest.Csv;
import java.time.LocalDate;
import java.util.List;

/** {@code {sold, revenue, redeemed, refunded, redemptionRate, byStore, byDay}} with the deal's currency. */
public record ReportDto(
        long sold,
        String revenue,
        String currency,
        long redeemed,
        long refunded,
        String redemptionRate,
        List<StoreLine> byStore,
        List<DayLine> byDay) {

    public record StoreLine(String storeId, long redeemed) {}

    public record DayLine(LocalDate date, long sold, long redeemed) {}

    public static ReportDto of(DealReport report, String currency) {
        return new ReportDto(
                report.sold(),
                Amounts.format(report.revenue(), currency),
                currency,
                report.redeemed(),
                report.refunded(),
                report.redemptionRate().toPlainString(),
                report.byStore().stream()
                        .map(s -> new StoreLine(s.storeId(), s.redeemed()))
                        .toList(),
                report.byDay().stream()
                        .map(d -> new DayLine(d.date(), d.sold(), d.redeemed()))
                        .toList());
    }

    static final List<String> CSV_COLUMNS =
            List.of("section", "key", "sold", "redeemed", "refunded", "revenue", "redemption_rate");

    /** The same figures as CSV: the totals, then one line per day, then one per store; the header in {@code language}. */
    public String csv(Language language) {
        StringBuilder out = new StringBuilder(Csv.header(CSV_COLUMNS, language));
        out.append("total,,")
                .append(sold)
                .append(',')
                .append(redeemed)
                .append(',')
                .append(refunded)
                .append(',')
                .append(revenue == null ? "" : revenue)
                .append(',')
                .append(redemptionRate)
                .append("\r\n");
        byDay.forEach(d -> out.append("day,")
                .append(d.date())
                .append(',')
                .append(d.sold())
                .append(',')
                .append(d.redeemed())
                .append(",,,\r\n"));
        byStore.forEach(s -> out.append("store,")
                .append(s.storeId())
                .append(",,")
                .append(s.redeemed())
                .append(",,,\r\n"));
        return out.toString();
    }
}
