package io.groupdeal.application.order;

import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.groupdeal.application.Timeouts;
import io.groupdeal.application.Wiring;
import io.groupdeal.domain.deal.DealRepository;
import io.groupdeal.domain.deal.DealRepository.DealRef;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A deal is marked settled only after a batch found nothing left; a failing deal does not hold up the next one. */
class SettlementJobTest {

    private final DealRepository deals = mock(DealRepository.class);
    private final SettlementBatch batches = mock(SettlementBatch.class);
    private final SettlementJob job = Wiring.wire(new SettlementJob(), deals, batches);

    private final DealRef first = new DealRef("tenant-1", "deal-1");
    private final DealRef second = new DealRef("tenant-2", "deal-2");

    @Test
    void batchesRunUntilOneFindsNothingThenTheDealIsSettled() {
        when(deals.settlementDue(anyInt())).thenReturn(List.of(first));
        when(batches.settle(first)).thenReturn(100, 100, 7, 0);

        Timeouts.fire(job);

        verify(batches, times(4)).settle(first);
        verify(deals).settled("tenant-1", "deal-1");
    }

    @Test
    void aFailingDealStaysDueAndTheNextIsSettled() {
        when(deals.settlementDue(anyInt())).thenReturn(List.of(first, second));
        when(batches.settle(first)).thenThrow(new IllegalStateException("lock wait timeout"));
        when(batches.settle(second)).thenReturn(0);

        Timeouts.fire(job);

        verify(deals, never()).settled("tenant-1", "deal-1");
        verify(deals).settled("tenant-2", "deal-2");
    }
}
