package io.groupdeal.application.order;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import io.groupdeal.application.Wiring;
import io.groupdeal.domain.deal.DealRepository;
import io.groupdeal.domain.deal.DealRepository.DealRef;
import io.groupdeal.domain.deal.DealRepository.Standing;
import io.groupdeal.domain.deal.DealStatus;
import io.groupdeal.domain.order.Order;
import io.groupdeal.domain.order.OrderRepository;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which orders of a deal one batch settles, and how, by the deal's standing. */
class SettlementBatchTest {

    static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    static final DealRef DEAL = new DealRef("tenant-1", "deal-1");

    private final DealRepository deals = mock(DealRepository.class);
    private final OrderRepository orders = mock(OrderRepository.class);
    private final Settlement settlement = mock(Settlement.class);
    private final SettlementBatch batch =
            Wiring.wire(new SettlementBatch(), deals, orders, settlement, Clock.fixed(NOW, ZoneOffset.UTC));

    private final Order first = SettlementTest.ORDER;
    private final Order second = new Order(
            "tenant-1",
            "order-2",
            "deal-1",
            "buyer-2",
            1,
            first.unitPrice(),
            first.unitPrice(),
            "EUR",
            first.status(),
            "pay-2",
            NOW,
            null);

    private void standing(DealStatus status, boolean tipped) {
        when(deals.standing("tenant-1", "deal-1")).thenReturn(Optional.of(new Standing(status, tipped, "Noodles")));
    }

    @Test
    void aTippedDealCapturesItsPendingOrders() {
        standing(DealStatus.ON_SALE, true);
        when(orders.pendingOutsideTeams("tenant-1", "deal-1", SettlementBatch.SIZE))
                .thenReturn(List.of(first, second));

        assertEquals(2, batch.settle(DEAL));

        verify(settlement).captureTipped(first, "Noodles", NOW);
        verify(settlement).captureTipped(second, "Noodles", NOW);
        verify(settlement, never()).release(any(), anyString(), anyBoolean(), any());
    }

    @Test
    void aFailedDealReleasesItsPendingOrdersBeforeLookingAtCapturedOnes() {
        standing(DealStatus.FAILED, false);
        when(orders.pendingOfDeal("tenant-1", "deal-1", SettlementBatch.SIZE)).thenReturn(List.of(first));

        assertEquals(1, batch.settle(DEAL));

        verify(settlement).release(first, "Noodles", false, NOW);
        verify(orders, never()).refundableOfDeal(anyString(), anyString(), org.mockito.ArgumentMatchers.anyInt());
    }

    @Test
    void aCancelledDealWithNothingPendingRefundsItsCapturedOrders() {
        standing(DealStatus.CANCELLED, true);
        when(orders.refundableOfDeal("tenant-1", "deal-1", SettlementBatch.SIZE))
                .thenReturn(List.of(first, second));

        assertEquals(2, batch.settle(DEAL));

        verify(settlement).refundCancelled(first, "Noodles", NOW);
        verify(settlement).refundCancelled(second, "Noodles", NOW);
        verify(settlement, never()).captureTipped(any(), anyString(), any());
    }

    @Test
    void aCancelledDealReleasesItsPendingOrdersAsCancelled() {
        standing(DealStatus.CANCELLED, false);
        when(orders.pendingOfDeal("tenant-1", "deal-1", SettlementBatch.SIZE)).thenReturn(List.of(first));

        batch.settle(DEAL);

        verify(settlement).release(first, "Noodles", true, NOW);
    }

    @Test
    void anUntippedDealOnSaleHasNothingToSettle() {
        standing(DealStatus.ON_SALE, false);

        assertEquals(0, batch.settle(DEAL));

        verifyNoInteractions(settlement);
    }

    @Test
    void aDealThatIsGoneHasNothingToSettle() {
        when(deals.standing("tenant-1", "deal-1")).thenReturn(Optional.empty());

        assertEquals(0, batch.settle(DEAL));

        verifyNoInteractions(orders, settlement);
    }
}
