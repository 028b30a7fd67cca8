package io.groupdeal.it;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.groupdeal.devserver.ItDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A production start copied from the wrong template: the built WAR on Payara Micro, started as
 * {@code config/payara/run-micro.sh} does, against an external database (the IT database), without DEAL_DEMO and with
 * the sandbox gateway. The product must refuse it: a clear message and a non-zero exit, never a live process that
 * serves nothing.
 */
class ProductionGuardIT {

    private static final long BOOT_SECONDS = 240;

    @Test
    void theSandboxGatewayWithoutDemoOrAllowanceStopsTheProcessWithAClearMessage() throws Exception {
        Path log = Files.createTempFile(
                Path.of(System.getProperty("deal.it.data")).getParent(), "production-guard-", ".log");
        List<String> command = List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m",
                "-jar",
                System.getProperty("deal.it.micro"),
                "--deploy",
                System.getProperty("deal.it.war"),
                "--contextroot",
                "/",
                "--port",
                String.valueOf(freePort()),
                "--nocluster",
                "--nohazelcast",
                "--prebootcommandfile",
                System.getProperty("deal.it.preboot"));
        ProcessBuilder builder =
                new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(name -> name.startsWith("DEAL_"));
        env.put("DEAL_DB_URL", System.getProperty(ItDatabase.URL_PROPERTY));
        env.put("DEAL_DB_USER", "deal");
        env.put("DEAL_DB_PASSWORD", "deal");
        env.put("DEAL_SMTP_HOST", "127.0.0.1");
        Process micro = builder.start();
        try {
            boolean ended = micro.waitFor(BOOT_SECONDS, TimeUnit.SECONDS);
            String output = Files.readString(log);
            assertTrue(
                    ended,
                    "Payara Micro still runs " + BOOT_SECONDS + " s after a refused start; its log: " + tail(output));
            assertNotEquals(0, micro.exitValue(), "a refused start exits non-zero");
            assertTrue(output.contains("The sandbox payment gateway is chosen"), "the log says why: " + tail(output));
            assertTrue(output.contains("DEAL_ALLOW_SANDBOX=true"), "the log says what to set: " + tail(output));
        } finally {
            micro.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
    }

    private static int freePort() throws java.io.IOException {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String tail(String output) {
        return output.substring(Math.max(0, output.length() - 4000));
    }
}
