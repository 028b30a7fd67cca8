package io.groupdeal.interfaces.web;

import io.groupdeal.application.problem.Problem;
import io.groupdeal.application.settlement.SettlementService;
import io.groupdeal.application.settlement.Statement;
import io.groupdeal.interfaces.csv.StatementCsv;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Settlement statements for a period (default: the last full month): the merchant's own on
 * /merchant/settlements.xhtml, every tenant's for the operator on /platform/settlements.xhtml; CSV of the same.
 */
@Named
@RequestScoped
public class SettlementsPage extends PeriodPage {

    @EJB
    private SettlementService settlements;

    private List<Statement> statements = List.of();

    public void loadOwn() {
        load(false);
    }

    public void loadAll() {
        load(true);
    }

    public void downloadOwnCsv() {
        load(false);
        Downloads.csv("settlement-" + from + "-" + to + ".csv", StatementCsv.of(statements, Messages.language()));
    }

    public void downloadAllCsv() {
        load(true);
        Downloads.csv("settlements-" + from + "-" + to + ".csv", StatementCsv.of(statements, Messages.language()));
    }

    private void load(boolean everyTenant) {
        LocalDate firstOfMonth = LocalDate.now(ZoneOffset.UTC).withDayOfMonth(1);
        LocalDate start = day(from, firstOfMonth.minusMonths(1));
        LocalDate end = day(to, firstOfMonth.minusDays(1));
        from = start.toString();
        to = end.toString();
        try {
            statements = everyTenant ? settlements.all(start, end) : List.of(settlements.own(start, end));
        } catch (Problem refused) {
            Messages.error(refused);
            statements = List.of();
        }
    }

    public List<Statement> getStatements() {
        return statements;
    }

    /** No coupon redeemed in the period: the page says so instead of showing the table's head alone. */
    public boolean isNothingRedeemed() {
        return statements.stream().allMatch(statement -> statement.lines().isEmpty());
    }
}
