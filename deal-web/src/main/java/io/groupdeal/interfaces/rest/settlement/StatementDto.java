package io.groupdeal.interfaces.rest.settlement;

import io.groupdeal.application.settlement.Statement;
import io.groupdeal.domain.settlement.SettlementLine;
import io.groupdeal.domain.shared.Language;
import io.groupdeal.interfaces.csv.Csv;
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

    static final List<String> CSV_COLUMNS = List.of(
            "tenant_id",
            "business_name",
            "from",
            "to",
            "currency",
            "redeemed_count",
            "gross_value",
            "commission_rate",
            "commission",
            "net");

    /** The header line of the statements' CSV, in {@code language}. */
    public static String csvHeader(Language language) {
        return Csv.header(CSV_COLUMNS, language);
    }

    /** The statements as CSV: one line per tenant, currency and commission rate; the header in {@code language}. */
    public static String csv(List<StatementDto> statements, Language language) {
        return csvHeader(language) + csvLines(statements);
    }

    /** The CSV lines of the statements, without the header. */
    public static String csvLines(List<StatementDto> statements) {
        StringBuilder out = new StringBuilder();
        for (StatementDto s : statements) {
            for (Line l : s.lines()) {
                out.append(s.tenantId())
                        .append(',')
                        .append(Csv.text(s.businessName()))
                        .append(',')
                        .append(s.from())
                        .append(',')
                        .append(s.to())
                        .append(',')
                        .append(l.currency())
                        .append(',')
                        .append(l.redeemedCount())
                        .append(',')
                        .append(l.grossValue())
                        .append(',')
                        .append(l.commissionRate())
                        .append(',')
                        .append(l.commission())
                        .append(',')
                        .append(l.net())
                        .append("\r\n");
            }
        }
        return out.toString();
    }
}
