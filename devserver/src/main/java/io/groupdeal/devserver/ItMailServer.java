package io.groupdeal.devserver;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * For the integration tests: one SMTP server (GreenMail) for the whole run, on a free port that reaches the IT server
 * (Payara Micro) through {@code deal.it.smtp.port} (see ItServer). Tests read what it received, and may stop
 * and start it again on the same port to play a mail server outage.
 */
public class ItMailServer implements LauncherSessionListener {

    public static final String PORT_PROPERTY = "deal.it.smtp.port";

    private static GreenMail server;
    private static int port;

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        if (System.getProperty("deal.it.data") != null && server == null) {
            port = EmbeddedDatabase.freePort();
            System.setProperty(PORT_PROPERTY, String.valueOf(port));
            start();
        }
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        stop();
    }

    /** The running server; fails when it is stopped (see {@link #stop()}). */
    public static synchronized GreenMail server() {
        if (server == null) {
            throw new IllegalStateException("the IT mail server is not running");
        }
        return server;
    }

    private static final long STARTUP_TIMEOUT_MILLIS = 20_000;

    public static synchronized void start() {
        if (server == null) {
            // GreenMail waits 2 s for its server thread by default; a loaded CI machine took longer (MailOpsIT)
            ServerSetup setup = new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
            setup.setServerStartupTimeout(STARTUP_TIMEOUT_MILLIS);
            server = new GreenMail(setup);
            server.start();
        }
    }

    /** Stops the server: connections to its port are refused until {@link #start()}; what it received is gone. */
    public static synchronized void stop() {
        if (server != null) {
            server.stop();
            server = null;
        }
    }
}
