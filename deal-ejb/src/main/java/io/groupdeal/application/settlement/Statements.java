package io.groupdeal.application.settlement;

import io.groupdeal.application.problem.InvalidInput;
import io.groupdeal.application.problem.InvalidInput.FieldError;
import io.groupdeal.domain.settlement.SettlementRepository;
import io.groupdeal.domain.tenant.Tenant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/** Makes a tenant's statement for a period: the days of the tenant's time zone, the tenant's commission rate. */
@ApplicationScoped
public class Statements {

    static final int MAX_DAYS = 366;

    @Inject
    private SettlementRepository settlements;

    public Statement of(Tenant tenant, LocalDate from, LocalDate to) {
        ZoneId zone = tenant.timeZone();
        return new Statement(tenant.id(), tenant.businessName(), from, to, settlements.lines(tenant.id(),
                from.atStartOfDay(zone).toInstant(), to.plusDays(1).atStartOfDay(zone).toInstant(), tenant.commissionRate()));
    }

    /** 400 unless both days are given, in order, at most a year apart. */
    public static void requirePeriod(LocalDate from, LocalDate to) {
        List<FieldError> errors = new ArrayList<>();
        if (from == null) {
            errors.add(new FieldError("from", "is required, such as 2026-11-01"));
        }
        if (to == null) {
            errors.add(new FieldError("to", "is required, such as 2026-11-30"));
        }
        if (from != null && to != null && to.isBefore(from)) {
            errors.add(new FieldError("to", "must not be before from"));
        }
        if (from != null && to != null && from.plusDays(MAX_DAYS).isBefore(to)) {
            errors.add(new FieldError("to", "must be at most " + MAX_DAYS + " days after from"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
    }
}
