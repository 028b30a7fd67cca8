package io.groupdeal.infrastructure.guard;

import io.groupdeal.application.payment.PaymentGateway;
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
 * settings are logged as SEVERE and the deployment fails. On Payara Micro the process is the product, and a Micro
 * whose deployment failed would stay up serving nothing (a process that looks alive to a supervisor): it exits with
 * status {@value #EXIT_STATUS} instead. On a full application server, the failed deployment is the refusal.
 */
@Singleton
@Startup
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ProductionGuard {

    static final int EXIT_STATUS = 3;
    /** Payara's shutdown hooks get this long; a hook that hangs must not keep the refused process alive. */
    private static final long HALT_AFTER_MILLIS = 20_000;
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
    @Any
    private Instance<PaymentGateway> gateways;

    @PostConstruct
    void check() {
        String name = gateway.strip();
        StartupSettings settings = new StartupSettings(name, gateways.select(NamedLiteral.of(name)).isResolvable(), demo,
                allowSandbox, embeddedDatabase);
        List<String> warnings = settings.warnings();
        if (!warnings.isEmpty()) {
            String bar = "*".repeat(100);
            LOG.warning("\n" + bar + "\n  " + String.join("\n  ", warnings) + "\n" + bar);
        }
        settings.refusal().ifPresent(reason -> {
            LOG.severe(reason);
            if (onPayaraMicro()) {
                exitSoon(reason);
            }
            throw new IllegalStateException(reason);
        });
    }

    /**
     * Exits from a thread of its own: this one must first fail the deployment and let go of the deployment's locks,
     * which Payara's shutdown hooks take too. The message also goes to standard error, in case the log handler's queue
     * is not written out before the process ends.
     */
    private static void exitSoon(String reason) {
        System.err.println("GroupDeal refused to start: " + reason);
        System.err.flush();
        Thread exit = new Thread(() -> {
            Thread halt = new Thread(() -> {
                try {
                    Thread.sleep(HALT_AFTER_MILLIS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                Runtime.getRuntime().halt(EXIT_STATUS);
            }, "deal-guard-halt");
            halt.setDaemon(true);
            halt.start();
            System.exit(EXIT_STATUS);
        }, "deal-guard-exit");
        exit.start();
    }

    private static boolean onPayaraMicro() {
        try {
            Class.forName("fish.payara.micro.PayaraMicro", false, ClassLoader.getSystemClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}
