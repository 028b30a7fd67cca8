package io.groupdeal.application.payment;

import io.groupdeal.domain.order.PaymentTask.Kind;
import io.groupdeal.domain.order.PaymentTaskRepository;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.math.BigDecimal;
import java.time.Clock;

/**
 * Money the product owes the gateway after an order was paid: captures, voids and refunds. {@link #owe} joins the
 * caller's transaction, so a task exists exactly when the change that causes it (an order confirmed, a coupon refunded)
 * was committed; it is carried out right after that commit, outside any transaction ({@link PaymentTaskRunner}),
 * and retried until the gateway has done it.
 */
@ApplicationScoped
public class PaymentTasks {

    @Inject
    private PaymentTaskRepository tasks;

    @EJB
    private PaymentTaskRunner runner;

    @Inject
    private Clock clock;

    @Resource
    private TransactionSynchronizationRegistry transactions;

    public void owe(String tenantId, String orderId, Kind kind, String reference, BigDecimal amount) {
        tasks.add(tenantId, orderId, kind, reference, amount, clock.instant());
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {}

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    runner.runSoon(orderId);
                }
            }
        });
    }
}
