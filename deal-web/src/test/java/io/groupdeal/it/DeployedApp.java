package io.groupdeal.it;

import java.io.UncheckedIOException;
import java.net.URL;
import java.time.Instant;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Base of the integration tests: the WAR that the build made, deployed as it is on Payara Micro (one instance per
 * test class), an HTTP client on it, and fixtures that make fresh tenants and accounts.
 */
@ExtendWith(ArquillianExtension.class)
abstract class DeployedApp {

    @ArquillianResource
    private URL url;

    protected Http http;
    protected Fixtures fixtures;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war();
    }

    /**
     * Arquillian reports the deployment as soon as Payara Micro logs it; the first requests of a class were sometimes
     * refused a moment later. Wait until the server answers ready (at most a minute) before the test starts, and say
     * plainly when it never does: its log is in {@code target/failsafe-reports/<test class>-output.txt}.
     */
    @BeforeEach
    void connect() throws InterruptedException {
        http = new Http(url);
        fixtures = new Fixtures(http);
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
        throw new IllegalStateException(NOT_READY + " at " + http.base() + " within 60 s (last: " + last + "; "
                + microProcesses() + ")");
    }

    /** For the reader of a NOT_READY failure: which Payara Micro processes run, and on which ports. */
    private static String microProcesses() {
        return "running Payara Micro processes: " + ProcessHandle.allProcesses()
                .map(process -> process.info().commandLine().orElse(""))
                .filter(command -> command.contains("payara-micro"))
                .map(command -> {
                    int port = command.indexOf("--port ");
                    return port < 0 ? "no --port" : command.substring(port, Math.min(command.length(), port + 12)).trim();
                })
                .toList();
    }

    /** The start of the message of a deployment that never answered; .ci/run tells these apart from test failures. */
    static final String NOT_READY = "The deployed server did not become ready";
}
