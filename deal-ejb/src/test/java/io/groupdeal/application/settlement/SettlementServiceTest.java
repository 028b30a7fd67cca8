package io.groupdeal.application.settlement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.ArgumentMatchers.same;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import io.groupdeal.application.Wiring;
import io.groupdeal.application.problem.InvalidInput;
import io.groupdeal.application.problem.NotFound;
import io.groupdeal.domain.shared.Ids;
import io.groupdeal.domain.tenant.Tenant;
import io.groupdeal.domain.tenant.TenantRepository;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Statements: a merchant gets its own; the operator walks every tenant a bounded page at a time. */
class SettlementServiceTest {

    static final LocalDate FROM = LocalDate.of(2026, 2, 1);
    static final LocalDate TO = LocalDate.of(2026, 2, 28);

    private final Statements statements = mock(Statements.class);
    private final TenantRepository tenants = mock(TenantRepository.class);
    private final SettlementService service =
            Wiring.wire(new SettlementService(), statements, tenants, Wiring.merchantAdmin("tenant-1"));

    private static Statement statementOf(Tenant tenant) {
        return new Statement(tenant.id(), tenant.businessName(), FROM, TO, List.of());
    }

    @Test
    void aMerchantsStatementIsOfItsOwnTenant() {
        Tenant own = new Tenant("Noodle Republic", Instant.EPOCH);
        when(tenants.find("tenant-1")).thenReturn(Optional.of(own));
        Statement statement = statementOf(own);
        when(statements.of(own, FROM, TO)).thenReturn(statement);

        assertEquals(statement, service.own(FROM, TO));
    }

    @Test
    void aPeriodBackwardsOrLongerThanAYearIsRefusedBeforeAnyRead() {
        assertThrows(InvalidInput.class, () -> service.own(TO, FROM));
        assertThrows(InvalidInput.class, () -> service.allAfter(FROM, FROM.plusDays(400), null, 10));
        verifyNoInteractions(statements, tenants);
    }

    @Test
    void thePageSizeIsKeptBetweenOneAndTheMaximum() {
        service.allAfter(FROM, TO, null, 0);
        verify(tenants).after(null, 1);
        service.allAfter(FROM, TO, null, 100_000);
        verify(tenants).after(null, SettlementService.TENANTS_PER_PAGE);
    }

    @Test
    void anUnknownOrMalformedTenantToStartAfterIsNotFound() {
        String unknown = Ids.newId();
        when(tenants.find(unknown)).thenReturn(Optional.empty());

        assertThrows(NotFound.class, () -> service.allAfter(FROM, TO, unknown, 10));
        assertThrows(NotFound.class, () -> service.allAfter(FROM, TO, "'; --", 10));
        verifyNoInteractions(statements);
    }

    @Test
    void everyTenantIsWalkedPageByPageUntilAShortPage() {
        List<Tenant> firstPage = IntStream.range(0, SettlementService.TENANTS_PER_PAGE)
                .mapToObj(i -> new Tenant("Shop " + i, Instant.EPOCH))
                .toList();
        Tenant last = firstPage.get(firstPage.size() - 1);
        List<Tenant> secondPage = List.of(new Tenant("Late shop", Instant.EPOCH));
        when(tenants.after(isNull(), anyInt())).thenReturn(firstPage);
        when(tenants.find(last.id())).thenReturn(Optional.of(last));
        when(tenants.after(same(last), anyInt())).thenReturn(secondPage);
        when(statements.of(eq(firstPage), any(), any()))
                .thenReturn(firstPage.stream()
                        .map(SettlementServiceTest::statementOf)
                        .toList());
        when(statements.of(eq(secondPage), any(), any()))
                .thenReturn(secondPage.stream()
                        .map(SettlementServiceTest::statementOf)
                        .toList());

        List<Statement> all = service.all(FROM, TO);

        List<String> expected =
                new ArrayList<>(firstPage.stream().map(Tenant::id).toList());
        expected.add(secondPage.get(0).id());
        assertEquals(expected, all.stream().map(Statement::tenantId).toList());
    }
}
