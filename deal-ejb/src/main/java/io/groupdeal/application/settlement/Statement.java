package io.groupdeal.application.settlement;

import io.groupdeal.domain.settlement.SettlementLine;
import java.time.LocalDate;
import java.util.List;

/** A tenant's statement for the days {@code from} to {@code to} (inclusive, in the tenant's time zone). */
public record Statement(
        String tenantId, String businessName, LocalDate from, LocalDate to, List<SettlementLine> lines) {}
