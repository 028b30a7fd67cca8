package io.groupdeal.interfaces.rest.deal;

import io.groupdeal.domain.deal.DealReport;
import io.groupdeal.interfaces.money.Amounts;
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
}
