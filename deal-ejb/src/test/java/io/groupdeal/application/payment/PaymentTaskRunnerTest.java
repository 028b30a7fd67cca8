package io.groupdeal.application.payment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import io.groupdeal.application.Timeouts;
import io.groupdeal.application.Wiring;
import io.groupdeal.domain.order.PaymentTask;
import io.groupdeal.domain.order.PaymentTask.Kind;
import io.groupdeal.domain.order.PaymentTaskRepository;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PaymentTaskRunnerTest {

    static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");

    private final PaymentTaskRepository tasks = mock(PaymentTaskRepository.class);
    private final PaymentTaskRecords records = mock(PaymentTaskRecords.class);
    private final PaymentGateway gateway = mock(PaymentGateway.class);
    private final PaymentTaskRunner runner =
            Wiring.wire(new PaymentTaskRunner(), tasks, records, gateway, Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void aFailedTaskWaitsLongerEachTimeButNeverMoreThanTenMinutes() {
        assertEquals(Duration.ofSeconds(5), PaymentTaskRunner.backoff(1));
        assertEquals(Duration.ofSeconds(10), PaymentTaskRunner.backoff(2));
        assertEquals(Duration.ofSeconds(320), PaymentTaskRunner.backoff(7));
        assertEquals(Duration.ofMinutes(10), PaymentTaskRunner.backoff(8));
        assertEquals(Duration.ofMinutes(10), PaymentTaskRunner.backoff(1000));
    }

    private void due(PaymentTask task) {
        when(tasks.due(isNull(), eq(NOW), anyInt())).thenReturn(List.of(task.id()));
        when(records.claim(task.id(), NOW, NOW.plusSeconds(PaymentTaskRunner.LEASE_SECONDS)))
                .thenReturn(Optional.of(task));
    }

    private static PaymentTask task(Kind kind, String reference, BigDecimal amount, int attempts) {
        return new PaymentTask(7, "tenant-1", "order-1", kind, reference, amount, "pay-1", attempts);
    }

    @Test
    void aTaskAnotherInstanceHoldsIsNotCarriedOut() {
        when(tasks.due(isNull(), eq(NOW), anyInt())).thenReturn(List.of(7L));
        when(records.claim(anyLong(), any(), any())).thenReturn(Optional.empty());

        Timeouts.fire(runner);

        verifyNoInteractions(gateway);
        verify(records, never()).done(anyLong(), any());
    }

    @Test
    void eachKindMovesItsMoneyAndIsDone() {
        due(task(Kind.CAPTURE, "capture", null, 0));
        Timeouts.fire(runner);
        verify(gateway).capture("pay-1");

        due(task(Kind.REFUND, "coupon-1", new BigDecimal("9.90"), 0));
        Timeouts.fire(runner);
        verify(gateway).refund("pay-1", new BigDecimal("9.90"), "coupon-1");

        verify(records, org.mockito.Mockito.times(2)).done(7, NOW);
    }

    @Test
    void aVoidOfAPaymentCapturedMeanwhilePaysBackWhatIsKept() {
        due(task(Kind.CANCEL, "cancel", null, 0));
        when(gateway.cancel("order-1"))
                .thenReturn(new Payment(
                        "pay-1",
                        "order-1",
                        Payment.State.CAPTURED,
                        new BigDecimal("29.70"),
                        "EUR",
                        new BigDecimal("29.70"),
                        new BigDecimal("9.90")));

        Timeouts.fire(runner);

        verify(gateway).refund("pay-1", new BigDecimal("19.80"), "void:order-1");
        verify(records).done(7, NOW);
    }

    @Test
    void aVoidedAuthorisationNeedsNoRefund() {
        due(task(Kind.CANCEL, "cancel", null, 0));
        when(gateway.cancel("order-1"))
                .thenReturn(new Payment(
                        "pay-1",
                        "order-1",
                        Payment.State.VOIDED,
                        new BigDecimal("29.70"),
                        "EUR",
                        BigDecimal.ZERO,
                        BigDecimal.ZERO));

        Timeouts.fire(runner);

        verify(gateway, never()).refund(anyString(), any(), anyString());
        verify(records).done(7, NOW);
    }

    @Test
    void aFailedAttemptIsRetriedAfterItsBackoffAndNeverMarkedDone() {
        due(task(Kind.CAPTURE, "capture", null, 3));
        when(gateway.capture("pay-1")).thenThrow(new GatewayUnreachable("timeout"));

        Timeouts.fire(runner);

        verify(records).failed(eq(7L), anyString(), eq(NOW.plus(PaymentTaskRunner.backoff(3))));
        verify(records, never()).done(anyLong(), any());
    }

    @Test
    void theTasksOfAnOrderJustCommittedRunUntilNoneIsLeft() {
        PaymentTask capture = task(Kind.CAPTURE, "capture", null, 0);
        when(tasks.due(eq("order-1"), eq(NOW), anyInt())).thenReturn(List.of(7L), List.of());
        when(records.claim(7, NOW, NOW.plusSeconds(PaymentTaskRunner.LEASE_SECONDS)))
                .thenReturn(Optional.of(capture));

        runner.runSoon("order-1");

        verify(gateway).capture("pay-1");
        verify(tasks, org.mockito.Mockito.times(2)).due(eq("order-1"), eq(NOW), anyInt());
    }
}
