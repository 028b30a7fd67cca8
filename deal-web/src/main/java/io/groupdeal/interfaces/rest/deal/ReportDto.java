package io.groupdeal.interfaces.rest.deal;

import io.groupdeal.domain.deal.DealReport;
import io.groupdeal.domain.deal.DealReport.DayLine;
import io.groupdeal.domain.deal.DealReport.StoreLine;
import io.groupdeal.interfaces.money.Amounts;
import java.util.List;

/**
 * {@code {sold, revenue, redeemed, refunded, redemptionRate, byStore, byDay}} with the deal's currency; the lines by
 * store and by day as the domain counts them (they hold no money to format).
 */
public record ReportDto(
        long sold,
        String revenue,
        String currency,
        long redeemed,
        long refunded,
        String redemptionRate,
        List<StoreLine> byStore,
        List<DayLine> byDay) {

    public static ReportDto of(DealReport report, String currency) {
        return new ReportDto(
                report.sold(),
                Amounts.format(report.revenue(), currency),
                currency,
                report.redeemed(),
                report.refunded(),
                report.redemptionRate().toPlainString(),
                report.byStore(),
                report.byDay());
    }
}
