package io.groupdeal.application.payment;

import io.groupdeal.application.problem.PaymentDeclined;
import io.groupdeal.application.problem.PaymentUnavailable;
import io.groupdeal.domain.shared.Ids;
import io.groupdeal.domain.shared.NativeSql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;

/**
 * The built-in gateway for demos and tests, answering by test token like the well-known card processors' test
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
    public String authorise(String paymentToken, BigDecimal amount, String currency, String orderId) {
        switch (paymentToken) {
            case APPROVE -> {
                String paymentRef = "sbx_" + Ids.newId();
                record(paymentRef, "AUTHORISE", orderId, amount, currency);
                return paymentRef;
            }
            case OUTAGE -> throw new PaymentUnavailable("The payment service did not answer. Nothing was charged; please try again.");
            case DECLINE -> throw new PaymentDeclined("The card was declined. Nothing was charged.");
            default -> throw new PaymentDeclined("The card is not known to the sandbox (use tok_ok, tok_declined or tok_error)."
                    + " Nothing was charged.");
        }
    }

    @Override
    public void capture(String paymentRef, BigDecimal amount, String currency) {
        record(paymentRef, "CAPTURE", paymentRef, amount, currency);
    }

    @Override
    public void voidAuthorisation(String paymentRef, BigDecimal amount, String currency) {
        record(paymentRef, "VOID", paymentRef, amount, currency);
    }

    @Override
    public void refund(String paymentRef, BigDecimal amount, String currency, String reference) {
        record(paymentRef, "REFUND", reference, amount, currency);
    }

    private void record(String paymentRef, String operation, String reference, BigDecimal amount, String currency) {
        sql.insertUnlessDuplicate("INSERT INTO payment_ledger (payment_ref, operation, reference, amount, currency, created_at)"
                + " VALUES (?, ?, ?, ?, ?, ?)", List.of(paymentRef, operation, reference, amount, currency, clock.instant()));
    }
}
