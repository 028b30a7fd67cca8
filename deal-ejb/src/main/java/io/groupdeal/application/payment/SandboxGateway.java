package io.groupdeal.application.payment;

import io.groupdeal.domain.shared.Ids;
import io.groupdeal.domain.shared.NativeSql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * TRANSITIONAL (replaced by the HTTP sandbox service in this issue). The built-in gateway for demos and tests, answering by test token like the well-known card processors' test
 * modes: {@code tok_ok} approves, {@code tok_declined} declines, {@code tok_error} fails like an outage; any other
 * token is declined as an unknown card. It keeps a ledger in the database, in the caller's transaction, so the
 * ledger shows exactly the money that moved: an order rolled back leaves no authorisation behind, and the unique
 * key (payment, operation, reference) makes a repeated capture, void or refund a no-op.
 */
@ApplicationScoped
@Named("sandbox")
public class SandboxGateway implements PaymentGateway {

    public static final String APPROVE = "tok_ok";
    public static final String DECLINE = "tok_declined";
    public static final String OUTAGE = "tok_error";

    @Inject
    private NativeSql sql;

    @Inject
    private Clock clock;

    @Override
    public Payment authorise(String key, String paymentToken, BigDecimal amount, String currency, boolean capture) {
        switch (paymentToken) {
            case APPROVE -> {
                String paymentRef = "sbx_" + Ids.newId();
                record(paymentRef, "AUTHORISE", key, amount, currency);
                if (capture) {
                    record(paymentRef, "CAPTURE", paymentRef, amount, currency);
                }
                return new Payment(paymentRef, key, capture ? Payment.State.CAPTURED : Payment.State.AUTHORISED, amount, currency,
                        capture ? amount : BigDecimal.ZERO, BigDecimal.ZERO);
            }
            case OUTAGE -> {
                return new Payment(null, key, Payment.State.FAILED, amount, currency, BigDecimal.ZERO, BigDecimal.ZERO);
            }
            default -> {
                return new Payment(null, key, Payment.State.DECLINED, amount, currency, BigDecimal.ZERO, BigDecimal.ZERO);
            }
        }
    }

    @Override
    public Optional<Payment> find(String key) {
        throw new UnsupportedOperationException("the in-transaction sandbox keeps no look-up");
    }

    @Override
    public Payment cancel(String key) {
        String paymentRef = (String) sql.row("SELECT payment_ref FROM payment_ledger WHERE operation = 'AUTHORISE' AND reference = ?",
                List.of(key))[0];
        record(paymentRef, "VOID", paymentRef, BigDecimal.ZERO, "XXX");
        return new Payment(paymentRef, key, Payment.State.VOIDED, BigDecimal.ZERO, "XXX", BigDecimal.ZERO, BigDecimal.ZERO);
    }

    @Override
    public Payment capture(String paymentRef) {
        record(paymentRef, "CAPTURE", paymentRef, BigDecimal.ZERO, "XXX");
        return new Payment(paymentRef, null, Payment.State.CAPTURED, BigDecimal.ZERO, "XXX", BigDecimal.ZERO, BigDecimal.ZERO);
    }

    @Override
    public Payment refund(String paymentRef, BigDecimal amount, String reference) {
        record(paymentRef, "REFUND", reference, amount, "XXX");
        return new Payment(paymentRef, null, Payment.State.CAPTURED, BigDecimal.ZERO, "XXX", BigDecimal.ZERO, amount);
    }

    private void record(String paymentRef, String operation, String reference, BigDecimal amount, String currency) {
        sql.insertUnlessDuplicate("INSERT INTO payment_ledger (payment_ref, operation, reference, amount, currency, created_at)"
                + " VALUES (?, ?, ?, ?, ?, ?)", List.of(paymentRef, operation, reference, amount, currency, clock.instant()));
    }
}
