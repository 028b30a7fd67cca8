package io.groupdeal.it;

import io.groupdeal.devserver.ItServer;
import java.io.UncheckedIOException;
import java.net.URL;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;

/**
 * Base of the integration tests: the WAR that the build made, deployed as it is on the run's one Payara Micro
 * ({@link ItServer}, shared by every test class as the database is), an HTTP client on it, and fixtures that make
 * fresh tenants and accounts: each test makes its own tenant, so the tests do not see each other's data.
 */
abstract class DeployedApp {

    protected Http http;
    protected Fixtures fixtures;
    /** Deals on sale and orders on {@link #http}. */
    protected Buying buying;
    /** Shops, coupons and the counter's requests on {@link #http}. */
    protected Counter counter;

    /**
     * The run's server, started by the first test that needs it; then wait until it answers ready (at most a minute:
     * it may be busy, or have ended) before the test starts, and say plainly when it never does: its log is in
     * {@code target/failsafe-reports/payara-micro-<n>.log}, and what it logged during a class also in
     * {@code target/failsafe-reports/<test class>-output.txt}.
     */
    @BeforeEach
    void connect(TestInfo test) throws InterruptedException {
        URL url;
        try {
            url = ItServer.url();
        } catch (IllegalStateException down) {
            throw new IllegalStateException(NOT_READY + ": " + down.getMessage(), down);
        }
        http = new Http(url, TenantsMade.by(test.getTestClass().orElseThrow()));
        fixtures = new Fixtures(http);
        buying = new Buying(http, fixtures);
        counter = new Counter(http, fixtures);
        Instant deadline = Instant.now().plusSeconds(60);
        String last = "no answer";
        while (Instant.now().isBefore(deadline)) {
            try {
                int status = http.get("health/ready", null).status();
                if (status == 200) {
                    return;
                }
                last = "HTTP " + status;
            } catch (UncheckedIOException refused) {
                last = refused.getCause().toString();
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException(
                NOT_READY + " at " + http.base() + " within 60 s (last: " + last + "; " + microProcesses() + ")");
    }

    /** For the reader of a NOT_READY failure: which Payara Micro processes run, and on which ports. */
    private static String microProcesses() {
        return "running Payara Micro processes: "
                + ProcessHandle.allProcesses()
                        .map(process -> process.info().commandLine().orElse(""))
                        .filter(command -> command.contains("payara-micro"))
                        .map(command -> {
                            int port = command.indexOf("--port ");
                            return port < 0
                                    ? "no --port"
                                    : command.substring(port, Math.min(command.length(), port + 12))
                                            .trim();
                        })
                        .toList();
    }

    /** The start of the message of a deployment that never answered; .ci/run tells these apart from test failures. */
    static final String NOT_READY = "The deployed server did not become ready";
}
