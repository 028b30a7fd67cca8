package io.groupdeal.devserver;

import java.net.URI;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * For the integration tests: a free port, chosen once for the run, on which the run's Payara Micro starts its payment
 * sandbox ({@code deal.it.sandbox.port} becomes {@code -Ddeal.sandbox.port}, see {@link ItServer}), so that a test
 * can also talk to the sandbox directly, as the product does. An instance that replaces it (ItServer boots again
 * after a failed boot) runs only once the other is gone, so one port serves them all.
 */
public class ItSandbox implements LauncherSessionListener {

    public static final String PORT_PROPERTY = "deal.it.sandbox.port";

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        if (System.getProperty("deal.it.data") != null && System.getProperty(PORT_PROPERTY) == null) {
            System.setProperty(PORT_PROPERTY, String.valueOf(EmbeddedDatabase.freePort()));
        }
    }

    /** The sandbox of the running test server. */
    public static URI address() {
        String port = System.getProperty(PORT_PROPERTY);
        if (port == null) {
            throw new IllegalStateException("no sandbox port was chosen for this run (" + PORT_PROPERTY + ")");
        }
        return URI.create("http://127.0.0.1:" + port);
    }
}
