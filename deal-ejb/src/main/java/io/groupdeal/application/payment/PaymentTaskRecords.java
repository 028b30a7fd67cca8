package io.groupdeal.application.payment;

import io.groupdeal.domain.order.PaymentTask;
import io.groupdeal.domain.order.PaymentTaskRepository;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Optional;

/**
 * What {@link PaymentTaskRunner} writes about a task, each change committed in a transaction of its own before the
 * gateway is asked or right after it answered, so no lock is ever held across the call.
 */
@Stateless
@PermitAll
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class PaymentTaskRecords {

    @Inject
    private PaymentTaskRepository tasks;

    public Optional<PaymentTask> claim(long id, Instant now, Instant until) {
        return tasks.claim(id, now, until);
    }

    public void done(long id, Instant now) {
        tasks.done(id, now);
    }

    public void failed(long id, String error, Instant next) {
        tasks.failed(id, error, next);
    }
}
