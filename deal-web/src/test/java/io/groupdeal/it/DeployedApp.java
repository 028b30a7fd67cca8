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

    @BeforeEach
    void connect() {
        http = new Http(url);
        fixtures = new Fixtures(http);
    }
}
