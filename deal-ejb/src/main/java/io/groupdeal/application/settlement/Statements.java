package io.groupdeal.application.settlement;

import io.groupdeal.domain.settlement.SettlementRepository;
import io.groupdeal.domain.tenant.Tenant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.ZoneId;

/** Makes a tenant's statement for a period: the days of the tenant's time zone, the tenant's commission rate. */
@ApplicationScoped
public class Statements {

    @Inject
    private SettlementRepository settlements;

    public Statement of(Tenant tenant, LocalDate from, LocalDate to) {
        ZoneId zone = tenant.timeZone();
        return new Statement(tenant.id(), tenant.businessName(), from, to, settlements.lines(tenant.id(),
                from.atStartOfDay(zone).toInstant(), to.plusDays(1).atStartOfDay(zone).toInstant(), tenant.commissionRate()));
    }
}
