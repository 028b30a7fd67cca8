package io.groupdeal.application.payment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.inject.literal.NamedLiteral;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The gateway named by {@code deal.payment.gateway} (DEAL_PAYMENT_GATEWAY, default {@code sandbox}). */
@ApplicationScoped
public class Payments {

    @Inject
    @ConfigProperty(name = "deal.payment.gateway", defaultValue = "sandbox")
    private String gatewayName;

    @Inject
    @Any
    private Instance<PaymentGateway> gateways;

    @Produces
    @Configured
    @ApplicationScoped
    PaymentGateway gateway() {
        Instance<PaymentGateway> named = gateways.select(NamedLiteral.of(gatewayName));
        if (!named.isResolvable()) {
            throw new IllegalStateException("No payment gateway named '" + gatewayName + "' (deal.payment.gateway)");
        }
        return named.get();
    }
}
