package io.groupdeal.devserver;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * For the integration tests: one Payara Micro with the built WAR at "/" for the whole run, started when the first test
 * asks for it ({@link #url()}) and stopped after the last test (when the launcher session closes: it is registered
 * after {@link ItDatabase}, so it stops before the database). Every test makes its own tenant, so the tests share the
 * server as they already share the database; one boot per run instead of one per test class.
 *
 * <p>Its whole log goes to {@code target/failsafe-reports/payara-micro-<n>.log} (n counts the boots of the run), and
 * each line also to the test output, so that {@code <test class>-output.txt} holds what the server logged while that
 * class ran. A boot that does not answer ready within {@link #BOOT} is killed and reported; the next test that asks
 * starts a new one (a failsafe rerun then meets a fresh server), at most {@link #BOOTS} times in a run, after which
 * every test is told at once that the server never came up. A boot whose deployment failed (Payara Micro boots and
 * lists nothing deployed) is replaced at once, in the same call: the test that asked meets the next boot. A server
 * that ended during the run (killed, out of memory) is reported and replaced in the same way.
 */
public class ItServer implements LauncherSessionListener {

    /** Payara Micro's boot, deployment included, on a loaded 2-core machine. */
    static final Duration BOOT = Duration.ofSeconds(240);
    /**
     * The JVM flag that keeps a Payara Micro of the ITs to the quick JIT (C1): a boot compiles thousands of methods
     * once, and C2's optimised copies of them cost about as much CPU again as the boot itself (measured: 45 CPU-s and
     * 30 s to a deployed product with C2, 20 CPU-s and 22 s without) while the ITs send each code path a few requests.
     * On the two cores that run the ITs, that CPU is the tests' time. Never in production's launchers.
     */
    public static final String QUICK_JIT = "-XX:TieredStopAtLevel=1";

    /**
     * PBKDF2 iterations of the ITs' servers: the platform's least (the product's {@code PasswordHasher.MIN_ITERATIONS}),
     * which a demo may use; see {@link #settings()}.
     */
    public static final int PASSWORD_ITERATIONS = 1024;

    /** Boots tried in one run before every test is failed at once. */
    static final int BOOTS = 3;

    /**
     * The server's settings for the ITs. Passwords are hashed with the platform's least PBKDF2 iterations (1,024, a
     * demo may): the ITs make hundreds of accounts and log in as many times, and at the production cost (600,000, a
     * core-second a hash) the server spent most of its CPU hashing. HashingFloodIT floods logins on a server of its own
     * at the production cost. Throttling (LoginThrottleIT): every IT signs up and logs in from 127.0.0.1 against one
     * database, so the per-address limit is out of reach here, and up to 24 hashes wait up to 25 s for their turn
     * instead of 16 for 5 s (the ITs sign up at most 10 at once; 25 s is within their client's 30 s). Two hashes at
     * once (not one, as half of two cores would give), so that parallel attempts meet in the throttle's row locks; no
     * pause between hashes (share 1). 127.0.0.1 is a trusted proxy, so that a test can be a client of its own with
     * X-Forwarded-For. The per-email limit keeps its production value (tests use fresh emails). The payment sandbox
     * listens on the port that {@link ItSandbox} chose for the run, so a test can talk to it directly too. Money
     * (MoneyIT, LedgerAgrees): a reservation ends after 3 s and the gateway gets 2 s to answer, so the reconciler
     * settles a lost answer within seconds.
     * The JIT stops at C1 ({@link #QUICK_JIT}).
     */
    private static List<String> settings() {
        return List.of(
                "-Xmx768m",
                QUICK_JIT,
                "-Ddeal.db.url=" + required(ItDatabase.URL_PROPERTY),
                "-Ddeal.db.user=deal",
                "-Ddeal.db.password=deal",
                "-Ddeal.demo=true",
                "-Ddeal.password.iterations=" + PASSWORD_ITERATIONS,
                "-Ddeal.token.ttl=PT1H",
                "-Ddeal.smtp.host=127.0.0.1",
                "-Ddeal.smtp.port=" + required(ItMailServer.PORT_PROPERTY),
                "-Ddeal.sandbox.port=" + required(ItSandbox.PORT_PROPERTY),
                "-Ddeal.mail.retry-seconds=1",
                "-Ddeal.trusted-proxies=127.0.0.1",
                "-Ddeal.throttle.address.limit=100000",
                "-Ddeal.hashing.wait=PT25S",
                "-Ddeal.hashing.concurrency=2",
                "-Ddeal.hashing.queue=24",
                "-Ddeal.hashing.share=1",
                "-Ddeal.order.reservation=PT3S",
                "-Ddeal.payment.timeout=PT2S");
    }

    /**
     * The JaCoCo agent for the server's JVM when the build gives one ({@code deal.it.jacoco}, set by deal-web's
     * jacoco:prepare-agent-integration; unset or unresolved when JaCoCo is skipped): it records which of the product's
     * lines the ITs run (only {@code io.groupdeal} classes, so it costs the server little) and writes them to
     * {@code deal-web/target/jacoco-it-server.exec} when the JVM exits, which {@link Instance#close()} lets it do
     * (SIGTERM, then 30 s before SIGKILL). Every boot of a run appends to the same file, and so do the Payara Micro
     * processes that ITs start of their own (the agent locks the file while it writes).
     */
    public static List<String> coverageAgent() {
        String agent = System.getProperty("deal.it.jacoco", "").strip();
        if (agent.length() > 1 && agent.startsWith("\"") && agent.endsWith("\"")) {
            agent = agent.substring(1, agent.length() - 1); // Maven quotes an argument with spaces in its path
        }
        return agent.startsWith("-javaagent:") ? List.of(agent) : List.of();
    }

    private static Instance running;
    private static int boots;
    private static int failedBoots;
    private static Thread stopOnExit;
    /** The process of the latest boot, for the JVM's exit (without the lock: a boot may hold it). */
    private static volatile Process latest;

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        // Started lazily by the first test that needs it: a run of ProductionGuardIT alone boots nothing.
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        stop();
    }

    /**
     * The server's address (loopback), starting it when none runs. Fails with the reason and the log's path when it
     * does not come up within {@link #BOOT}.
     */
    public static synchronized URL url() {
        if (running != null && running.process.isAlive()) {
            return running.url;
        }
        if (running != null) {
            System.err.println("ItServer: Payara Micro ended during the run (exit code " + running.process.exitValue()
                    + "; its log: " + running.log + "); starting a new one");
            running.close();
            running = null;
        }
        if (failedBoots >= BOOTS) {
            throw new IllegalStateException("Payara Micro did not come up in " + failedBoots
                    + " boots; not trying again" + " in this run (logs: " + logs().resolve("payara-micro-*.log") + ")");
        }
        if (stopOnExit == null) {
            stopOnExit = new Thread(ItServer::killLatest, "it-server-stop");
            Runtime.getRuntime().addShutdownHook(stopOnExit);
        }
        while (true) {
            boots++;
            Instance started = new Instance(boots);
            try {
                started.awaitReady();
                running = started;
                return running.url;
            } catch (RuntimeException | Error notReady) {
                failedBoots++;
                started.close();
                if (!(notReady instanceof NothingDeployed) || failedBoots >= BOOTS) {
                    throw notReady;
                }
                System.err.println("ItServer: " + notReady.getMessage() + "; booting again");
            }
        }
    }

    /** Stops the server (its log is kept). */
    public static synchronized void stop() {
        if (running != null) {
            running.close();
            running = null;
        }
    }

    /** When the test JVM exits without closing the session (killed by a timeout): no Payara Micro outlives it. */
    private static void killLatest() {
        Process process = latest;
        if (process != null && process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(20, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
            }
        }
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        if (value == null) {
            throw new IllegalStateException(
                    "the IT server needs " + property + " (set by the run's launcher session listeners)");
        }
        return value;
    }

    private static Path logs() {
        return Path.of(required("deal.it.logs"));
    }

    /** One Payara Micro process, its log pump, and what the log told about its port and readiness. */
    private static final class Instance {

        /** The line after "Payara Micro URLs:": Payara Micro moves to the next free port when the chosen one is taken. */
        private static final Pattern ADDRESS = Pattern.compile("^https?://[^/]+:(\\d+)/?\\s*$");

        private final Process process;
        private final Path log;
        private final Thread pump;
        private volatile int port;
        private volatile boolean booted;
        /** What the boot said it deployed. */
        private final DeployedList deployed = new DeployedList();

        private URL url;

        Instance(int boot) {
            try {
                Files.createDirectories(logs());
                log = logs().resolve("payara-micro-" + boot + ".log");
                List<String> command = new ArrayList<>();
                command.add(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString());
                command.addAll(coverageAgent());
                command.addAll(settings());
                command.addAll(List.of(
                        "-jar",
                        required("deal.it.micro"),
                        "--deploy",
                        required("deal.it.war"),
                        "--contextroot",
                        "/",
                        "--port",
                        String.valueOf(EmbeddedDatabase.freePort()),
                        "--autoBindHttp",
                        "--autoBindRange",
                        "1000",
                        "--nocluster",
                        "--nohazelcast",
                        "--prebootcommandfile",
                        required("deal.it.preboot")));
                String start = "ItServer: starting Payara Micro (boot " + boot + ", log " + log + ") at "
                        + Instant.now() + ": " + command;
                System.out.println(start);
                Files.writeString(log, start + "\n");
                process = new ProcessBuilder(command).redirectErrorStream(true).start();
                latest = process;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            pump = new Thread(this::pump, "it-server-log-" + boot);
            pump.setDaemon(true);
            pump.start();
        }

        /** Copies the server's output into its log and the test output; notes its port and when it said it was ready. */
        private void pump() {
            PrintStream testOutput = System.out;
            try (BufferedReader in = new BufferedReader(
                            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                    PrintStream file = new PrintStream(
                            Files.newOutputStream(log, StandardOpenOption.APPEND), true, StandardCharsets.UTF_8)) {
                boolean urlsNext = false;
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    file.println(line);
                    testOutput.println(line);
                    Matcher address = ADDRESS.matcher(line);
                    if (urlsNext && address.matches()) {
                        port = Integer.parseInt(address.group(1));
                    }
                    urlsNext = line.startsWith("Payara Micro URLs:") || (urlsNext && line.isBlank());
                    deployed.read(line);
                    if (line.contains("Payara Micro") && line.contains(" ready in ")) {
                        booted = true;
                    }
                }
            } catch (IOException ended) {
                // the process is gone; the log has what it wrote
            }
        }

        /** Waits until the server says it booted and its /health/ready answers 200, at most {@link #BOOT}. */
        void awaitReady() {
            Instant deadline = Instant.now().plus(BOOT);
            String last = "no boot yet";
            HttpClient client = HttpClient.newBuilder()
                    .connectTimeout(Duration.ofSeconds(5))
                    .build();
            while (Instant.now().isBefore(deadline)) {
                if (!process.isAlive()) {
                    throw notReady("Payara Micro exited with code " + process.exitValue());
                }
                if (booted && deployed.isEmpty()) {
                    throw new NothingDeployed(
                            "Payara Micro (log " + log + ") booted without the application: its deployment failed");
                }
                if (booted && port > 0) {
                    URI ready = URI.create("http://127.0.0.1:" + port + "/health/ready");
                    try {
                        int status = client.send(
                                        HttpRequest.newBuilder(ready)
                                                .timeout(Duration.ofSeconds(10))
                                                .build(),
                                        HttpResponse.BodyHandlers.discarding())
                                .statusCode();
                        if (status == 200) {
                            url = toUrl("http://127.0.0.1:" + port + "/");
                            System.out.println("ItServer: Payara Micro ready at " + url + " (log " + log + ")");
                            return;
                        }
                        last = "HTTP " + status + " from " + ready;
                    } catch (IOException refused) {
                        last = refused + " from " + ready;
                    } catch (InterruptedException interrupted) {
                        Thread.currentThread().interrupt();
                        throw notReady("interrupted");
                    }
                } else if (booted) {
                    last = "booted, but no \"Payara Micro URLs:\" line named its port";
                }
                sleep();
            }
            throw notReady("not ready within " + BOOT.toSeconds() + " s (last: " + last + ")");
        }

        private IllegalStateException notReady(String why) {
            return new IllegalStateException("Payara Micro (log " + log + ") did not come up: " + why);
        }

        /**
         * SIGTERM (Payara Micro undeploys and stops), SIGKILL after 30 s; then the log is complete, and its last line
         * says how the process ended, for the reader who wonders whether it was stopped or died.
         */
        void close() {
            boolean ended = !process.isAlive();
            process.destroy();
            try {
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
                }
                pump.join(10_000);
                Files.writeString(
                        log,
                        "ItServer: " + (ended ? "Payara Micro had ended by itself" : "stopped Payara Micro")
                                + " (exit code " + process.exitValue() + ") at " + Instant.now() + "\n",
                        StandardOpenOption.APPEND);
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            } catch (IOException | IllegalThreadStateException e) {
                System.err.println("ItServer: could not note the end of Payara Micro in " + log + ": " + e);
            }
        }

        private static URL toUrl(String address) {
            try {
                return URI.create(address).toURL();
            } catch (java.net.MalformedURLException e) {
                throw new IllegalArgumentException(address, e);
            }
        }

        private static void sleep() {
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while Payara Micro boots", e);
            }
        }
    }

    /**
     * What a boot of Payara Micro says it deployed, read line by line from its log. Its description of itself lists the
     * applications under {@code "Deployed": [}; when the deployment of the WAR failed, it boots all the same with the
     * list empty, the {@code ]} on the next line (seen once in CI: a JNDI look-up of the application's data source
     * failed during the deployment, and the next boot deployed).
     */
    static final class DeployedList {
        private static final String START = "\"Deployed\": [";

        private boolean next;
        private volatile boolean empty;

        void read(String line) {
            String item = line.strip();
            if (next) {
                empty = item.startsWith("]");
            }
            next = item.equals(START);
            if (item.startsWith(START + "]")) {
                empty = true;
            }
        }

        /** The boot listed its applications, and there were none. */
        boolean isEmpty() {
            return empty;
        }
    }

    /** A boot whose deployment failed: tried again at once, without waiting out {@link #BOOT}. */
    private static final class NothingDeployed extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        NothingDeployed(String message) {
            super(message);
        }
    }
}
