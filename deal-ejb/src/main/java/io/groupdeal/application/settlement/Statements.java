package io.groupdeal.application.settlement;

import io.groupdeal.domain.settlement.SettlementRepository;
import io.groupdeal.domain.tenant.CommissionHistory;
import io.groupdeal.domain.tenant.CommissionRate;
import io.groupdeal.domain.tenant.CommissionRateRepository;
import io.groupdeal.domain.tenant.Tenant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/**
 * Makes a tenant's statement for a period: the days of the tenant's time zone, each redemption at the commission rate
 * in force when it was made (the tenant's commission history), so a new rate never changes a past statement.
 */
@ApplicationScoped
public class Statements {

    @Inject
    private SettlementRepository settlements;

    @Inject
    private CommissionRateRepository commissionRates;

    public Statement of(Tenant tenant, LocalDate from, LocalDate to) {
        return of(List.of(tenant), from, to).get(0);
    }

    /** The statements of several tenants, with one read of their commission histories. */
    public List<Statement> of(List<Tenant> tenants, LocalDate from, LocalDate to) {
        Map<String, CommissionHistory> histories =
                commissionRates.of(tenants.stream().map(Tenant::id).toList());
        return tenants.stream()
                .map(t -> of(t, histories.getOrDefault(t.id(), onlyCurrent(t)), from, to))
                .toList();
    }

    /** A tenant written without its history (by hand): its current rate is all that is known. */
    private static CommissionHistory onlyCurrent(Tenant tenant) {
        return new CommissionHistory(List.of(new CommissionRate(tenant.createdAt(), tenant.commissionRate())));
    }

    private Statement of(Tenant tenant, CommissionHistory history, LocalDate from, LocalDate to) {
        ZoneId zone = tenant.timeZone();
        return new Statement(
                tenant.id(),
                tenant.businessName(),
                from,
                to,
                settlements.lines(
                        tenant.id(),
                        from.atStartOfDay(zone).toInstant(),
                        to.plusDays(1).atStartOfDay(zone).toInstant(),
                        history));
    }
}
