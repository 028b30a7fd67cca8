package io.groupdeal.ear;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.groupdeal.devserver.EmbeddedDatabase;
import io.groupdeal.devserver.ItServer;
import io.groupdeal.it.Http;
import io.groupdeal.it.Reply;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The EAR on Payara Server, the full-profile server it is built for: a fresh domain of the Payara Server zip (unpacked
 * by the build) on free ports, a real MariaDB, the EAR deployed as built, then the health check and one API route
 * that crosses the EJB module's {@code @RolesAllowed}.
 *
 * <p>The server is driven with {@code asadmin} through {@link ProcessBuilder}, not Arquillian: the only Payara
 * Server container on Maven Central (payara-server-managed) is a 3.0 alpha, and asadmin is what an operator runs.
 *
 * <p>Ports: {@code create-domain --portbase} puts every listener of the domain (HTTP base+80, admin base+48, IIOP,
 * JMS, JMX, Hazelcast, ...) above a base whose ports were all free, so a server or Payara Micro on 8080/4848 does not
 * matter. Database: the application reads MicroProfile Config, and environment variables are one of its sources;
 * {@code asadmin start-domain} passes its environment to the server process, so {@code DEAL_DB_URL} & co. given to
 * that one command reach the application.
 */
class PayaraServerDeploymentIT {

    private static final String DOMAIN = "deal-it";
    /** Offsets from the port base that create-domain uses (see its output): none of them may be taken. */
    private static final int[] PORT_OFFSETS = {9, 37, 38, 39, 48, 49, 59, 66, 76, 80, 81, 86};

    private static final Path EAR = Path.of(required("deal.ear.file"));
    private static final Path PAYARA = Path.of(required("deal.ear.payara"));
    private static final Path WORK = Path.of(required("deal.ear.work"));
    private static final Path DOMAINS = WORK.resolve("it-domains");
    /** Every asadmin command and its output, for reading after a failure. */
    private static final Path ASADMIN_LOGS = WORK.resolve("it-asadmin");

    /** The database, started while asadmin creates and starts the domain (which needs none before the deployment). */
    private static CompletableFuture<EmbeddedDatabase> database;

    private static boolean domainCreated;
    private static int portBase;
    private static Http http;
    private static int asadminCalls;

    @BeforeAll
    static void deploy() throws Exception {
        deleteRecursively(ASADMIN_LOGS);
        Files.createDirectories(ASADMIN_LOGS);
        int databasePort = freePort();
        database = CompletableFuture.supplyAsync(() -> {
            EmbeddedDatabase started = EmbeddedDatabase.start(WORK.resolve("it-db"), databasePort);
            // target/it-db outlives runs: each run starts from an empty schema, as a new install does.
            EmbeddedDatabase.recreateDatabase(databasePort, EmbeddedDatabase.DATABASE);
            return started;
        });

        if (Files.isDirectory(DOMAINS.resolve(DOMAIN))) {
            // a run that was cut short may have left its server running
            tryAsadmin(60, "stop-domain", "--kill=true", "--domaindir", DOMAINS.toString(), DOMAIN);
        }
        deleteRecursively(DOMAINS);
        portBase = freePortBase();
        domainCreated = true;
        asadmin(
                Map.of(),
                180,
                "create-domain",
                "--nopassword=true",
                "--checkports=true",
                "--portbase",
                String.valueOf(portBase),
                "--domaindir",
                DOMAINS.toString(),
                DOMAIN);
        asadmin(
                Map.of(
                        "DEAL_DB_URL",
                        EmbeddedDatabase.jdbcUrl(databasePort),
                        "DEAL_DB_USER",
                        EmbeddedDatabase.USER,
                        "DEAL_DB_PASSWORD",
                        EmbeddedDatabase.PASSWORD,
                        "DEAL_DEMO",
                        "true",
                        // As the WAR's ITs (ItServer): the demo's password hash and this test's two logins at
                        // 600,000 iterations took the class about 2.5 s more (50.1 s against 47.6 s).
                        "DEAL_PASSWORD_ITERATIONS",
                        String.valueOf(ItServer.PASSWORD_ITERATIONS),
                        "DEAL_HTTP_PORT",
                        String.valueOf(httpPort())),
                240,
                "start-domain",
                "--domaindir",
                DOMAINS.toString(),
                DOMAIN);
        database.join();
        asadmin(Map.of(), 300, "--port", String.valueOf(adminPort()), "deploy", "--name", "deal", EAR.toString());
        http = new Http(new URL("http://127.0.0.1:" + httpPort() + "/"));
    }

    @AfterAll
    static void stop() {
        // Stop what was started even when a step above failed; the database last, as the server holds connections.
        try {
            if (domainCreated && Files.isDirectory(DOMAINS.resolve(DOMAIN))) {
                if (!tryAsadmin(120, "stop-domain", "--domaindir", DOMAINS.toString(), DOMAIN)) {
                    tryAsadmin(60, "stop-domain", "--kill=true", "--domaindir", DOMAINS.toString(), DOMAIN);
                }
            }
        } finally {
            EmbeddedDatabase started = database == null
                    ? null
                    : database.exceptionally(failed -> null).join();
            if (started != null) {
                started.close();
            }
        }
    }

    @Test
    void healthIsUpWithTheDatabaseCheck() {
        Reply health = http.get("health", null);
        assertEquals(200, health.status(), () -> health + serverLogTail());
        assertEquals("UP", health.json().getString("status"), health::toString);
        assertTrue(
                health.json().getJsonArray("checks").stream()
                        .anyMatch(
                                check -> "database".equals(check.asJsonObject().getString("name"))),
                health::toString);
    }

    @Test
    void operatorListsTenantsThroughTheRolesAllowedBoundary() {
        Reply login = http.post(
                "api/v1/auth/tokens",
                "{\"email\":\"operator@demo.groupdeal.io\",\"password\":\"demo-password\"}",
                null);
        assertEquals(201, login.status(), () -> login + serverLogTail());
        String token = login.json().getString("token");

        Reply tenants = http.get("api/v1/platform/tenants", token);
        assertEquals(200, tenants.status(), () -> tenants + serverLogTail());
        JsonObject page = tenants.json();
        assertFalse(page.getJsonArray("items").isEmpty(), tenants::toString);
    }

    @Test
    void buyerIsRefusedByTheSameBoundary() {
        Reply login = http.post(
                "api/v1/auth/tokens", "{\"email\":\"buyer@demo.groupdeal.io\",\"password\":\"demo-password\"}", null);
        assertEquals(201, login.status(), () -> login + serverLogTail());

        Reply tenants = http.get("api/v1/platform/tenants", login.json().getString("token"));
        assertEquals(403, tenants.status(), tenants::toString);
    }

    private static boolean tryAsadmin(int timeoutSeconds, String... arguments) {
        try {
            asadmin(Map.of(), timeoutSeconds, arguments);
            return true;
        } catch (RuntimeException e) {
            System.err.println(e.getMessage());
            return false;
        }
    }

    private static int httpPort() {
        return portBase + 80;
    }

    private static int adminPort() {
        return portBase + 48;
    }

    /** Runs bin/asadmin with the JDK of this test; fails with its output when it fails or takes too long. */
    private static void asadmin(Map<String, String> environment, int timeoutSeconds, String... arguments) {
        List<String> command = new ArrayList<>();
        command.add(PAYARA.resolve("bin/asadmin").toString());
        command.add("--interactive=false");
        command.addAll(Arrays.asList(arguments));
        ProcessBuilder builder =
                new ProcessBuilder(command).directory(WORK.toFile()).redirectErrorStream(true);
        // Nothing of the caller's own GroupDeal configuration may reach the server: only what this test sets.
        builder.environment().keySet().removeIf(name -> name.startsWith("DEAL_"));
        builder.environment().put("AS_JAVA", System.getProperty("java.home"));
        // asadmin's JVMs and the server's (which inherits start-domain's environment) with the quick JIT, as the ITs'
        // Payara Micro: each runs briefly, and C2 would double the CPU of their start.
        builder.environment().put("JAVA_TOOL_OPTIONS", ItServer.QUICK_JIT);
        builder.environment().putAll(environment);
        // A file, not a pipe: the server that start-domain launches inherits it and outlives asadmin.
        Path output = ASADMIN_LOGS.resolve(++asadminCalls + ".out");
        builder.redirectOutput(output.toFile());
        try {
            long started = System.nanoTime();
            Process process = builder.start();
            boolean finished = process.waitFor(timeoutSeconds, TimeUnit.SECONDS);
            if (!finished) {
                process.destroyForcibly();
            }
            String text = Files.readString(output, StandardCharsets.UTF_8);
            Files.writeString(
                    ASADMIN_LOGS.resolve("asadmin.log"),
                    "$ asadmin " + String.join(" ", arguments) + "  ("
                            + TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started) + " s)\n" + text + "\n",
                    StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
            if (!finished || process.exitValue() != 0) {
                throw new IllegalStateException("asadmin " + String.join(" ", arguments)
                        + (finished ? " failed (exit " + process.exitValue() + ")" : " timed out") + ":\n" + text
                        + serverLogTail());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String serverLogTail() {
        Path log = DOMAINS.resolve(DOMAIN).resolve("logs/server.log");
        try {
            if (!Files.exists(log)) {
                return "";
            }
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return "\n--- last lines of " + log + " ---\n"
                    + String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            return "\n(server log unreadable: " + e + ")";
        }
    }

    /** A base (a multiple of 100 between 20000 and 60000) whose every domain port is free on this machine now. */
    private static int freePortBase() {
        for (int attempt = 0; attempt < 50; attempt++) {
            int base = 100 * ThreadLocalRandom.current().nextInt(200, 600);
            if (Arrays.stream(PORT_OFFSETS).allMatch(offset -> isFree(base + offset))) {
                return base;
            }
        }
        throw new IllegalStateException("No free port base found for the Payara Server domain");
    }

    private static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getByName("0.0.0.0"))) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteRecursively(Path folder) throws IOException {
        if (Files.exists(folder)) {
            try (Stream<Path> paths = Files.walk(folder)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        if (value == null) {
            throw new IllegalStateException(
                    "Run by failsafe from deal-ear: system property " + property + " is not set");
        }
        return value;
    }
}
