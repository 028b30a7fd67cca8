package io.groupdeal.interfaces.csv;

import io.groupdeal.application.settlement.Statement;
import io.groupdeal.domain.settlement.SettlementLine;
import io.groupdeal.domain.shared.Language;
import java.util.List;

/** Settlement statements as CSV: one line per tenant, currency and commission rate; money as plain decimals. */
public final class StatementCsv {

    static final List<String> COLUMNS = List.of(
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

    private StatementCsv() {}

    /** The file, its header in {@code language}. */
    public static String of(List<Statement> statements, Language language) {
        return header(language) + lines(statements);
    }

    /** The header line, in {@code language}: the operator's file is streamed, a page of tenants at a time. */
    public static String header(Language language) {
        return Csv.header(COLUMNS, language);
    }

    /** The lines of the statements, without the header. */
    public static String lines(List<Statement> statements) {
        StringBuilder out = new StringBuilder();
        for (Statement s : statements) {
            for (SettlementLine l : s.lines()) {
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
                        .append(l.grossValue().toPlainString())
                        .append(',')
                        .append(l.commissionRate().toPlainString())
                        .append(',')
                        .append(l.commission().toPlainString())
                        .append(',')
                        .append(l.net().toPlainString())
                        .append("\r\n");
            }
        }
        return out.toString();
    }
}
