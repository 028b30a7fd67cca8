package io.groupdeal.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.groupdeal.devserver.DevServer;
import io.groupdeal.devserver.EmbeddedDatabase;
import io.groupdeal.devserver.ItDatabase;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * The database goes away between the launcher's check and the deployment: the launcher's check
 * ({@link DevServer#awaitDatabase}) finds the port answering, then the port refuses, and Payara Micro is started as
 * {@code config/payara/run-micro.sh} starts it. The product must never stay up with nothing deployed: it waits for
 * the database and becomes ready when it comes, or, past DEAL_DB_WAIT_SECONDS, exits with status 3 and says why.
 */
// Alongside the other API ITs: its Payara Micro works on a database of its own (DATABASE, on the IT
// database's server), so its scheduled jobs never take another test's mails or payments; one server of a test's own
// boots at a time ("second-server").
@Execution(ExecutionMode.CONCURRENT)
@ResourceLock(LaunchedMicro.SECOND_SERVER)
// Among the first classes to start (see MailOpsIT): it waits for the database to come and for its server to boot.
// After the others of them, so that ProductionGuardIT has given back the second server by then.
@Order(7)
class DatabaseAtStartIT {

    private static final long BOOT_SECONDS = 240;

    /** The database this test's product migrates and serves: its own, empty but for what its jobs write. */
    private static final String DATABASE = "deal_at_start";

    private LaunchedMicro micro;
    private ServerSocket forwarder;

    @AfterEach
    void stop() throws Exception {
        if (micro != null) {
            micro.stop();
        }
        if (forwarder != null) {
            forwarder.close();
        }
    }

    @Test
    void aDatabaseGoneAfterTheLaunchersCheckIsWaitedForAndTheProductBecomesReadyWhenItComes() throws Exception {
        EmbeddedDatabase.createDatabase(Integer.parseInt(System.getProperty(ItDatabase.PORT_PROPERTY)), DATABASE);
        int dbPort = answerTheLaunchersCheckOnce();
        int httpPort = LaunchedMicro.freePort();
        Path log = start(dbPort, httpPort, 180);

        String waiting = "waiting for the database at 127.0.0.1:" + dbPort;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(BOOT_SECONDS);
        while (!Files.readString(log).contains(waiting)) {
            assertTrue(micro.process().isAlive(), "Payara Micro ended instead of waiting; its log: " + micro.tail());
            assertTrue(System.nanoTime() < deadline, "no '" + waiting + "' in the log; its log: " + micro.tail());
            Thread.sleep(500);
        }
        forwarder = forward(dbPort, itDatabasePort());

        HttpClient client =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest ready = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + "/health/ready"))
                .timeout(Duration.ofSeconds(5))
                .build();
        deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(BOOT_SECONDS);
        int status = 0;
        while (status != 200) {
            assertTrue(
                    micro.process().isAlive(), "Payara Micro ended after the database came; its log: " + micro.tail());
            assertTrue(
                    System.nanoTime() < deadline,
                    "not ready " + BOOT_SECONDS + " s after the database came (last " + status + "); its log: "
                            + micro.tail());
            try {
                status = client.send(ready, HttpResponse.BodyHandlers.discarding())
                        .statusCode();
            } catch (IOException notYet) {
                status = 0;
            }
            Thread.sleep(1000);
        }
    }

    @Test
    void aDatabaseThatStaysAwayEndsTheStartWithStatus3AndTheReason() throws Exception {
        int dbPort = answerTheLaunchersCheckOnce();
        Path log = start(dbPort, LaunchedMicro.freePort(), 5);

        boolean ended = micro.process().waitFor(BOOT_SECONDS, TimeUnit.SECONDS);
        String output = Files.readString(log);
        assertTrue(
                ended,
                "Payara Micro still runs " + BOOT_SECONDS + " s after giving up on the database; its log: "
                        + micro.tail());
        assertEquals(3, micro.process().exitValue(), "the status the launchers give up with; its log: " + micro.tail());
        assertTrue(
                output.contains("the database at 127.0.0.1:" + dbPort + " did not answer within 5 s; not starting"),
                "the log says why: " + micro.tail());
    }

    /** A port that answers the launcher's check once and is closed right after it: the database went away. */
    private static int answerTheLaunchersCheckOnce() throws Exception {
        try (ServerSocket database = new ServerSocket()) {
            database.setReuseAddress(true);
            database.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            int port = database.getLocalPort();
            assertTrue(
                    DevServer.awaitDatabase("jdbc:mysql://127.0.0.1:" + port + "/deal", Duration.ofSeconds(5)),
                    "the launcher's check passes");
            return port;
        }
    }

    private Path start(int dbPort, int httpPort, int waitSeconds) throws IOException {
        micro = LaunchedMicro.start(
                "database-at-start",
                httpPort,
                Map.of(
                        "DEAL_DB_URL",
                        "jdbc:mysql://127.0.0.1:" + dbPort + "/" + DATABASE,
                        "DEAL_DB_WAIT_SECONDS",
                        String.valueOf(waitSeconds),
                        "DEAL_ALLOW_SANDBOX",
                        "true"));
        return micro.log();
    }

    /** The database comes (back) on the port: a TCP forwarder to the IT database. */
    private static ServerSocket forward(int port, int target) throws IOException {
        ServerSocket server = new ServerSocket();
        server.setReuseAddress(true);
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        Thread accept = new Thread(
                () -> {
                    while (!server.isClosed()) {
                        try {
                            Socket client = server.accept();
                            Socket database = new Socket(InetAddress.getLoopbackAddress(), target);
                            pipe(client, database);
                            pipe(database, client);
                        } catch (IOException closed) {
                            return;
                        }
                    }
                },
                "database-forwarder");
        accept.setDaemon(true);
        accept.start();
        return server;
    }

    private static void pipe(Socket from, Socket to) {
        Thread copy = new Thread(
                () -> {
                    try (InputStream in = from.getInputStream();
                            OutputStream out = to.getOutputStream()) {
                        in.transferTo(out);
                    } catch (IOException ended) {
                        // either side closed
                    } finally {
                        try {
                            from.close();
                            to.close();
                        } catch (IOException ignored) {
                            // closing anyway
                        }
                    }
                },
                "database-forwarder-pipe");
        copy.setDaemon(true);
        copy.start();
    }

    private static int itDatabasePort() {
        String url = System.getProperty(ItDatabase.URL_PROPERTY);
        String address = url.substring(url.indexOf("://") + 3).split("[/?]", 2)[0];
        return Integer.parseInt(address.substring(address.lastIndexOf(':') + 1));
    }
}
