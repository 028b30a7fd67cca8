package io.groupdeal.devserver;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@code ./mvnw -Prun}: starts the embedded MariaDB (unless {@code DEAL_DB_URL} names an external database) and
 * runs the WAR on Payara Micro in the foreground, with a local mail catcher unless {@code DEAL_SMTP_HOST} names a mail
 * server. Ctrl-C stops Payara Micro, then the database. It says where the product runs once the product answers
 * ({@link Readiness}), not before.
 */
public final class DevServer {

    /** How long Ctrl-C waits for Payara Micro to stop before it kills it (its own shutdown takes a few seconds). */
    private static final Duration STOP_BOUND = Duration.ofSeconds(20);

    /** How long the launcher waits for the product to answer before it says that it does not. */
    private static final Duration READY_BOUND = Duration.ofMinutes(10);

    private DevServer() {}

    public static void main(String[] args) throws Exception {
        run();
    }

    private static void run() throws Exception {
        String war = System.getProperty("deal.war");
        String micro = System.getProperty("deal.micro");
        Map<String, String> env = System.getenv();
        String httpPort = env.getOrDefault("DEAL_HTTP_PORT", "8080");

        EmbeddedDatabase database = null;
        Map<String, String> childEnv = new java.util.HashMap<>();
        if (env.get("DEAL_DB_URL") == null) {
            Path dataDir =
                    Path.of(env.getOrDefault("DEAL_DATA_DIR", System.getProperty("deal.default.data.dir", "data")));
            System.out.println("Starting the embedded MariaDB in " + dataDir.toAbsolutePath() + " ...");
            database = EmbeddedDatabase.start(dataDir, Integer.parseInt(env.getOrDefault("DEAL_DB_PORT", "3307")));
            System.out.println("Embedded MariaDB listens on 127.0.0.1:" + database.port() + " (database "
                    + EmbeddedDatabase.DATABASE + ")");
            childEnv.put("DEAL_DB_URL", database.jdbcUrl());
            childEnv.put("DEAL_DB_USER", EmbeddedDatabase.USER);
            childEnv.put("DEAL_DB_PASSWORD", EmbeddedDatabase.PASSWORD);
            childEnv.putIfAbsent("DEAL_DEMO", env.getOrDefault("DEAL_DEMO", "true"));
            // The product's ProductionGuard warns loudly about demo data on an external database, not on this one.
            childEnv.put("DEAL_DB_EMBEDDED", "true");
        } else if (!awaitDatabase(
                env.get("DEAL_DB_URL"),
                Duration.ofSeconds(Long.parseLong(env.getOrDefault("DEAL_DB_WAIT_SECONDS", "300"))))) {
            System.exit(3);
        }
        childEnv.putIfAbsent("DEAL_HTTP_PORT", httpPort);
        MailCatcher mail = null;
        if (env.get("DEAL_SMTP_HOST") == null) {
            Path folder = Path.of(
                    env.getOrDefault("DEAL_DATA_DIR", System.getProperty("deal.default.data.dir", "data")), "mail");
            mail = MailCatcher.start(Integer.parseInt(env.getOrDefault("DEAL_SMTP_PORT", "2525")), folder);
            System.out.println("Mail catcher listens on 127.0.0.1:" + mail.port() + "; mails are kept in "
                    + folder.toAbsolutePath());
            childEnv.put("DEAL_SMTP_HOST", "127.0.0.1");
            childEnv.put("DEAL_SMTP_PORT", String.valueOf(mail.port()));
            childEnv.putIfAbsent("DEAL_PUBLIC_URL", "http://localhost:" + httpPort);
        }

        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // the whole heap from the start: G1 then sizes the young generation from 1 GB, not from the default
                // initial heap (1/64 of the host's memory), and collects every few seconds instead of every second
                "-Xms1g",
                "-Xmx1g",
                "-jar",
                micro,
                "--deploy",
                war,
                "--contextroot",
                "/",
                "--port",
                httpPort,
                "--prebootcommandfile",
                System.getProperty("deal.preboot"),
                "--nocluster",
                "--nohazelcast"));
        ProcessBuilder builder = new ProcessBuilder(command).inheritIO();
        builder.environment().putAll(childEnv);
        Process server = builder.start();
        announceWhenReady(server, httpPort, "true".equals(childEnv.get("DEAL_DEMO")));

        EmbeddedDatabase db = database;
        MailCatcher catcher = mail;
        Thread stopAll = new Thread(() -> stop(server, db, catcher), "deal-dev-shutdown");
        Runtime.getRuntime().addShutdownHook(stopAll);
        int exit = server.waitFor();
        try {
            Runtime.getRuntime().removeShutdownHook(stopAll);
        } catch (IllegalStateException shuttingDown) {
            return; // Ctrl-C: the hook stops the database
        }
        stop(server, db, catcher);
        if (exit != 0) {
            throw new IllegalStateException("Payara Micro stopped with exit code " + exit);
        }
    }

    /**
     * Prints where the product runs once its {@code /health/ready} answers 200, on a thread of its own while the
     * server's output goes on; if it does not within {@link #READY_BOUND}, says so and what the probe met last.
     */
    private static void announceWhenReady(Process server, String httpPort, boolean demo) {
        Instant started = Instant.now();
        Readiness readiness = Readiness.ofPort(httpPort);
        Thread announcer = new Thread(
                () -> {
                    try {
                        if (readiness.await(server::isAlive, READY_BOUND)) {
                            System.out.println("\n\n  GroupDeal is running at http://localhost:" + httpPort
                                    + "/ (it answered "
                                    + Duration.between(started, Instant.now()).toSeconds()
                                    + " s after Payara Micro started)"
                                    + (demo ? "\n  The demo accounts are listed above (\"Demo accounts\")." : "")
                                    + "\n");
                        } else if (server.isAlive()) {
                            System.err.println("GroupDeal: not ready after " + READY_BOUND.toMinutes() + " min (last: "
                                    + readiness.last() + ")");
                        }
                    } catch (InterruptedException stopped) {
                        Thread.currentThread().interrupt();
                    }
                },
                "deal-dev-ready");
        announcer.setDaemon(true);
        announcer.start();
    }

    /**
     * Waits until the external database accepts connections, saying so every 5 s: Payara's JPA deployer connects while
     * it deploys. False when the database did not answer within {@code bound} ({@code DEAL_DB_WAIT_SECONDS}). A database
     * gone after this check is waited for by the product itself while it deploys ({@code WaitingDataSource}).
     */
    public static boolean awaitDatabase(String jdbcUrl, Duration bound) throws InterruptedException {
        String address = jdbcUrl.substring(jdbcUrl.indexOf("://") + 3).split("[/?,]", 2)[0];
        int colon = address.lastIndexOf(':');
        String host = colon < 0 ? address : address.substring(0, colon);
        int port = colon < 0 ? 3306 : Integer.parseInt(address.substring(colon + 1));
        Instant deadline = Instant.now().plus(bound);
        while (true) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(host, port), 3000);
                return true;
            } catch (IOException notYet) {
                if (Instant.now().isAfter(deadline)) {
                    System.err.println("GroupDeal: the database at " + host + ":" + port + " did not answer within "
                            + bound.toSeconds() + " s; not starting.");
                    return false;
                }
                System.err.println("GroupDeal: waiting for the database at " + host + ":" + port + " ...");
                Thread.sleep(5000);
            }
        }
    }

    /**
     * Payara Micro first (it may still write), then the database. Never System.exit here: it would deadlock in a hook.
     * Payara Micro gets {@link #STOP_BOUND} to stop; past it, what its threads wait on is written to
     * {@code payara-stop-threads.txt} in the data folder and it is killed: every write the product acknowledged is
     * committed in the database, which is then stopped cleanly, so a Ctrl-C never hangs on a server that does not stop.
     */
    private static void stop(Process server, EmbeddedDatabase db, MailCatcher mail) {
        server.destroy();
        try {
            if (!server.waitFor(STOP_BOUND.toSeconds(), TimeUnit.SECONDS)) {
                Path dump = Path.of(
                        System.getenv()
                                .getOrDefault("DEAL_DATA_DIR", System.getProperty("deal.default.data.dir", "data")),
                        "payara-stop-threads.txt");
                threadDump(server.pid(), dump);
                System.err.println("GroupDeal: Payara Micro did not stop within " + STOP_BOUND.toSeconds()
                        + " s; killing it (its threads: " + dump.toAbsolutePath() + ")");
                server.destroyForcibly();
                server.waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (db != null) {
            db.close();
            System.out.println("Embedded MariaDB stopped.");
        }
        if (mail != null) {
            mail.close();
        }
    }

    /** What a server that does not stop waits on, for whoever looks into it; best effort. */
    private static void threadDump(long pid, Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Process jcmd = new ProcessBuilder(
                            Path.of(System.getProperty("java.home"), "bin", "jcmd")
                                    .toString(),
                            String.valueOf(pid),
                            "Thread.print")
                    .redirectErrorStream(true)
                    .redirectOutput(file.toFile())
                    .start();
            jcmd.waitFor(10, TimeUnit.SECONDS);
        } catch (IOException | InterruptedException | RuntimeException noDump) {
            System.err.println("GroupDeal: no thread dump of Payara Micro: " + noDump);
        }
    }
}
