package io.groupdeal.it;

import java.net.URL;
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
     * refused a moment later. Wait until the server answers ready (at most a minute) before the test starts.
     */
    @BeforeEach
    void connect() throws InterruptedException {
        http = new Http(url);
        fixtures = new Fixtures(http);
        for (int i = 0; i < 120; i++) {
            try {
                if (http.get("health/ready", null).status() == 200) {
                    return;
                }
            } catch (java.io.UncheckedIOException refused) {
                // not listening yet
            }
            Thread.sleep(500);
        }
    }
}
