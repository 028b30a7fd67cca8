package io.groupdeal.interfaces.rest.settlement;

import io.groupdeal.application.settlement.Statement;
import io.groupdeal.domain.settlement.SettlementLine;
import java.time.LocalDate;
import java.util.List;

/**
 * {@code {from, to, lines: [{currency, redeemedCount, grossValue, commissionRate, commission, net}]}}, money as
 * decimal strings with the currency's minor digits; the operator's items add {@code tenantId} and {@code businessName}.
 * One line per currency and commission rate: a period that spans a change of rate has a line for each rate.
 */
public record StatementDto(String tenantId, String businessName, LocalDate from, LocalDate to, List<Line> lines) {

    public record Line(
            String currency,
            long redeemedCount,
            String grossValue,
            String commissionRate,
            String commission,
            String net) {

        static Line of(SettlementLine l) {
            return new Line(
                    l.currency(),
                    l.redeemedCount(),
                    l.grossValue().toPlainString(),
                    l.commissionRate().toPlainString(),
                    l.commission().toPlainString(),
                    l.net().toPlainString());
        }
    }

    public static StatementDto of(Statement s) {
        return new StatementDto(
                s.tenantId(),
                s.businessName(),
                s.from(),
                s.to(),
                s.lines().stream().map(Line::of).toList());
    }
}
