package io.groupdeal.application.settlement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.groupdeal.application.Wiring;
import io.groupdeal.domain.settlement.SettlementRepository;
import io.groupdeal.domain.tenant.CommissionHistory;
import io.groupdeal.domain.tenant.CommissionRateRepository;
import io.groupdeal.domain.tenant.Tenant;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/** A statement's period is the tenant's own days, and each tenant is charged by its own commission history. */
class StatementsTest {

    private final SettlementRepository settlements = mock(SettlementRepository.class);
    private final CommissionRateRepository rates = mock(CommissionRateRepository.class);
    private final Statements statements = Wiring.wire(new Statements(), settlements, rates);

    @Test
    void thePeriodRunsFromTheFirstDaysMidnightToTheMidnightAfterTheLastInTheTenantsZone() {
        Tenant tokyo = new Tenant("Ramen", Instant.EPOCH);
        tokyo.configure("Ramen", "Asia/Tokyo", 10);
        CommissionHistory history = mock(CommissionHistory.class);
        when(rates.of(List.of(tokyo.id()))).thenReturn(Map.of(tokyo.id(), history));

        Statement statement = statements.of(tokyo, LocalDate.of(2026, 2, 1), LocalDate.of(2026, 2, 28));

        verify(settlements)
                .lines(
                        tokyo.id(),
                        Instant.parse("2026-01-31T15:00:00Z"),
                        Instant.parse("2026-02-28T15:00:00Z"),
                        history);
        assertEquals("Ramen", statement.businessName());
        assertEquals(LocalDate.of(2026, 2, 28), statement.to());
    }

    @Test
    void aTenantWithoutRecordedHistoryIsChargedItsCurrentRateSinceItsCreation() {
        Tenant tenant = new Tenant("Spa", Instant.parse("2025-01-01T00:00:00Z"));
        tenant.changeCommissionRate(new BigDecimal("0.2"));
        when(rates.of(List.of(tenant.id()))).thenReturn(Map.of());

        statements.of(tenant, LocalDate.of(2026, 2, 1), LocalDate.of(2026, 2, 1));

        ArgumentCaptor<CommissionHistory> history = ArgumentCaptor.forClass(CommissionHistory.class);
        verify(settlements).lines(eq(tenant.id()), any(), any(), history.capture());
        assertEquals(new BigDecimal("0.2000"), history.getValue().at(Instant.parse("2026-02-01T12:00:00Z")));
        assertEquals(1, history.getValue().rates().size());
    }
}
