package io.groupdeal.application.deal;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.groupdeal.application.Wiring;
import io.groupdeal.domain.deal.DealRepository;
import io.groupdeal.domain.shared.Contention;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class DealClockTest {

    private static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");

    private final DealRepository deals = mock(DealRepository.class);
    private final DealClock clock = Wiring.wire(new DealClock(), deals, Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void eachTickStartsAndClosesTheDueDeals() {
        clock.tick();

        verify(deals).startDueSales(NOW);
        verify(deals).closeDueSales(NOW);
    }

    @Test
    void aTickThatMeetsLockedRowsLeavesThemToTheNextTick() {
        when(deals.closeDueSales(any()))
                .thenThrow(new Contention("closing due sales", new RuntimeException("lock wait timeout")))
                .thenReturn(1);

        clock.tick();
        clock.tick();

        verify(deals, times(2)).closeDueSales(NOW);
    }

    @Test
    void anyOtherFailureIsTheContainersToReport() {
        when(deals.startDueSales(any())).thenThrow(new IllegalStateException("the database is gone"));

        assertThrows(IllegalStateException.class, clock::tick);
    }
}
