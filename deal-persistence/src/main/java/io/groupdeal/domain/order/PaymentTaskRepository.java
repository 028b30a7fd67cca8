package io.groupdeal.domain.order;

import io.groupdeal.domain.order.PaymentTask.Kind;
import io.groupdeal.domain.shared.NativeSql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The payment tasks (table payment_task). One per (order, kind, reference): a cause retried after a crash writes no
 * second task. A task is claimed by a conditional update before its gateway call, so two instances never run it at
 * once, and an order's tasks run in the order they were written (a refund never overtakes its capture).
 */
@ApplicationScoped
public class PaymentTaskRepository {

    @Inject
    private NativeSql sql;

    /** Writes the task in the caller's transaction, unless the same one was written before. */
    public void add(String tenantId, String orderId, Kind kind, String reference, BigDecimal amount, Instant now) {
        sql.insertUnlessDuplicate(
                "INSERT INTO payment_task (tenant_id, order_id, kind, reference, amount, status, attempts,"
                        + " next_attempt_at, created_at) VALUES (?, ?, ?, ?, ?, 'DUE', 0, ?, ?)",
                Arrays.asList(tenantId, orderId, kind.name(), reference, amount, now, now));
    }

    /** Tasks due now whose order has no earlier task still due, oldest first; only those of one order when given. */
    public List<Long> due(String orderId, Instant now, int limit) {
        String ofOrder = orderId == null ? "" : " AND t.order_id = ?";
        List<Object> parameters = orderId == null ? List.of(now, limit) : List.of(now, orderId, limit);
        return sql.rows(
                "SELECT t.id FROM payment_task t WHERE t.status = 'DUE' AND t.next_attempt_at <= ?" + ofOrder
                        + " AND NOT EXISTS (SELECT 1 FROM payment_task e WHERE e.order_id = t.order_id AND e.status = 'DUE' AND e.id < t.id)"
                        + " ORDER BY t.id LIMIT ?",
                parameters,
                r -> r.longValue("id"));
    }

    /** Takes a due task for one attempt until {@code until}; empty when another instance took it first. */
    public Optional<PaymentTask> claim(long id, Instant now, Instant until) {
        if (sql.update(
                        "UPDATE payment_task SET attempts = attempts + 1, next_attempt_at = ? WHERE id = ? AND status = 'DUE'"
                                + " AND next_attempt_at <= ?",
                        List.of(until, id, now))
                == 0) {
            return Optional.empty();
        }
        return sql.first(
                "SELECT t.id, t.tenant_id, t.order_id, t.kind, t.reference, t.amount, o.payment_ref, t.attempts"
                        + " FROM payment_task t JOIN purchase_order o ON o.tenant_id = t.tenant_id AND o.id = t.order_id WHERE t.id = ?",
                List.of(id),
                r -> new PaymentTask(
                        r.longValue("id"),
                        r.string("tenant_id"),
                        r.string("order_id"),
                        Kind.valueOf(r.string("kind")),
                        r.string("reference"),
                        r.decimal("amount"),
                        r.string("payment_ref"),
                        r.nullableInt("attempts")));
    }

    public void done(long id, Instant now) {
        sql.update(
                "UPDATE payment_task SET status = 'DONE', done_at = ?, last_error = NULL WHERE id = ?",
                List.of(now, id));
    }

    /** A failed attempt: tried again at {@code next}. */
    public void failed(long id, String error, Instant next) {
        String reason = error == null ? "unknown" : error.length() > 500 ? error.substring(0, 500) : error;
        sql.update(
                "UPDATE payment_task SET next_attempt_at = ?, last_error = ? WHERE id = ?", List.of(next, reason, id));
    }
}
