package io.groupdeal.infrastructure.sandbox;

import io.groupdeal.application.payment.SandboxEndpoint;
import io.groupdeal.infrastructure.database.DealDataSource;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Runs the payment sandbox beside the product: at deployment it starts the {@link SandboxServer} on 127.0.0.1 at
 * {@code deal.sandbox.port} (0: any free port) with {@code deal.sandbox.latency-ms} of delay per call, and stops it at
 * undeploy. It starts nothing when {@code deal.sandbox.url} names a sandbox elsewhere (the gateway then calls that
 * one), nor when the configured gateway is not the sandbox.
 *
 * <p>The sandbox writes its ledger through a pool of its own ({@value #JNDI_NAME}, the product's database, not
 * transactional): its short local transactions can never join a transaction of the product, and purchases that hold
 * all of the product's connections while they wait for a payment can never leave the sandbox without one.
 */
@Singleton
@Startup
@DependsOn("DatabaseMigration")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
@DataSourceDefinition(
        name = SandboxService.JNDI_NAME,
        className = "com.mysql.cj.jdbc.MysqlDataSource",
        url = "${MPCONFIG=deal.db.url}",
        user = "${MPCONFIG=deal.db.user}",
        password = "${MPCONFIG=deal.db.password}",
        transactional = false,
        minPoolSize = 0,
        maxPoolSize = 16,
        maxIdleTime = 300,
        isolationLevel = Connection.TRANSACTION_READ_COMMITTED,
        properties = {
            DealDataSource.VALIDATED,
            DealDataSource.VALIDATED_EVERY_10_S,
            DealDataSource.VALIDATED_BY_DRIVER,
            DealDataSource.VALIDATOR,
            DealDataSource.POOL_WAIT,
            DealDataSource.ONE_USER,
            "connectTimeout=" + DealDataSource.CONNECT_TIMEOUT_MILLIS,
            "socketTimeout=" + DealDataSource.SOCKET_TIMEOUT_MILLIS,
            "characterEncoding=UTF-8",
            "connectionTimeZone=UTC",
            "forceConnectionTimeZoneToSession=true",
            "useLocalSessionState=true",
            "cachePrepStmts=true",
            "openTelemetry=DISABLED"
        })
public class SandboxService implements SandboxEndpoint {

    public static final String JNDI_NAME = "java:app/jdbc/sandbox";
    private static final Logger LOG = Logger.getLogger(SandboxService.class.getName());

    @Resource(lookup = JNDI_NAME)
    private DataSource dataSource;

    @Inject
    private Clock clock;

    @Inject
    @ConfigProperty(name = "deal.payment.gateway", defaultValue = "sandbox")
    private String gateway;

    @Inject
    @ConfigProperty(name = "deal.sandbox.url")
    private Optional<String> url;

    @Inject
    @ConfigProperty(name = "deal.sandbox.port", defaultValue = "0")
    private int port;

    @Inject
    @ConfigProperty(name = "deal.sandbox.latency-ms", defaultValue = "0")
    private long latencyMillis;

    private volatile SandboxServer server;
    private volatile URI address;

    @PostConstruct
    void start() {
        Optional<String> elsewhere = url.map(String::strip).filter(u -> !u.isEmpty());
        if (elsewhere.isPresent()) {
            address = URI.create(elsewhere.get().replaceAll("/+$", ""));
            LOG.info(() -> "Payment sandbox: using the one at " + address);
            return;
        }
        if (!"sandbox".equals(gateway.strip())) {
            return;
        }
        if (port < 0 || port > 65535 || latencyMillis < 0) {
            throw new IllegalStateException(
                    "deal.sandbox.port must be 0 to 65535 and deal.sandbox.latency-ms at least 0");
        }
        try {
            server = SandboxServer.start(new SandboxLedger(dataSource, clock), port, Duration.ofMillis(latencyMillis));
        } catch (IOException e) {
            throw new UncheckedIOException("The payment sandbox could not listen on 127.0.0.1:" + port, e);
        }
        address = server.address();
        LOG.info(() -> "Payment sandbox listens on " + address + " (latency " + latencyMillis + " ms)");
    }

    @PreDestroy
    void stop() {
        if (server != null) {
            server.close();
            server = null;
        }
    }

    @Override
    public URI address() {
        URI known = address;
        if (known == null) {
            throw new IllegalStateException("No payment sandbox runs here (deal.payment.gateway is '" + gateway
                    + "' and deal.sandbox.url is not set)");
        }
        return known;
    }
}
