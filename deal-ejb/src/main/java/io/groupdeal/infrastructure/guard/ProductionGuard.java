package io.groupdeal.infrastructure.guard;

import io.groupdeal.application.payment.PaymentGateway;
import io.groupdeal.application.security.PasswordHasher;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.literal.NamedLiteral;
import jakarta.inject.Inject;
import java.util.List;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Keeps {@link StartupSettings}' rule at every start, however the product is started ({@code ./mvnw -Prun},
 * {@code config/payara/run-micro.sh}, {@code java -jar payara-micro.jar} by hand, the EAR on Payara Server): unsafe
 * settings are logged as SEVERE and the deployment fails; on Payara Micro the process exits ({@link StartRefusal}).
 */
@Singleton
@Startup
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ProductionGuard {

    private static final Logger LOG = Logger.getLogger(ProductionGuard.class.getName());

    @Inject
    @ConfigProperty(name = "deal.payment.gateway", defaultValue = StartupSettings.SANDBOX)
    private String gateway;

    @Inject
    @ConfigProperty(name = "deal.demo", defaultValue = "false")
    private boolean demo;

    @Inject
    @ConfigProperty(name = "deal.allow-sandbox", defaultValue = "false")
    private boolean allowSandbox;

    @Inject
    @ConfigProperty(name = "deal.db.embedded", defaultValue = "false")
    private boolean embeddedDatabase;

    @Inject
    @ConfigProperty(name = "deal.password.iterations", defaultValue = "" + PasswordHasher.ITERATIONS)
    private int passwordIterations;

    @Inject
    @Any
    private Instance<PaymentGateway> gateways;

    @PostConstruct
    void check() {
        String name = gateway.strip();
        StartupSettings settings = new StartupSettings(
                name,
                gateways.select(NamedLiteral.of(name)).isResolvable(),
                demo,
                allowSandbox,
                embeddedDatabase,
                passwordIterations);
        List<String> warnings = settings.warnings();
        if (!warnings.isEmpty()) {
            String bar = "*".repeat(100);
            LOG.warning("\n" + bar + "\n  " + String.join("\n  ", warnings) + "\n" + bar);
        }
        settings.refusal().ifPresent(reason -> {
            LOG.severe(reason);
            StartRefusal.exitSoon(reason);
            throw new IllegalStateException(reason);
        });
    }
}
