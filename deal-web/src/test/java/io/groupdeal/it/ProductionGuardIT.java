package io.groupdeal.it;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.groupdeal.devserver.ItDatabase;
import java.nio.file.Files;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * A production start copied from the wrong template: the built WAR on Payara Micro, started as
 * {@code config/payara/run-micro.sh} does, against an external database (the IT database), without DEAL_DEMO and with
 * the sandbox gateway. The product must refuse it: a clear message and a non-zero exit, never a live process that
 * serves nothing.
 */
// Alongside the other API ITs: its Payara Micro refuses to start before it deploys anything (no job, no schema
// change); one server of a test's own boots at a time ("second-server").
@Execution(ExecutionMode.CONCURRENT)
@ResourceLock(LaunchedMicro.SECOND_SERVER)
// First of all classes: it needs none of the run's shared server, whose boot leaves one of the two cores idle.
@Order(1)
class ProductionGuardIT {

    private static final long BOOT_SECONDS = 240;

    @Test
    void theSandboxGatewayWithoutDemoOrAllowanceStopsTheProcessWithAClearMessage() throws Exception {
        LaunchedMicro micro = LaunchedMicro.start(
                "production-guard",
                LaunchedMicro.freePort(),
                Map.of("DEAL_DB_URL", System.getProperty(ItDatabase.URL_PROPERTY)));
        try {
            boolean ended = micro.process().waitFor(BOOT_SECONDS, TimeUnit.SECONDS);
            String output = Files.readString(micro.log());
            assertTrue(
                    ended,
                    "Payara Micro still runs " + BOOT_SECONDS + " s after a refused start; its log: " + micro.tail());
            assertNotEquals(0, micro.process().exitValue(), "a refused start exits non-zero");
            assertTrue(output.contains("The sandbox payment gateway is chosen"), "the log says why: " + micro.tail());
            assertTrue(output.contains("DEAL_ALLOW_SANDBOX=true"), "the log says what to set: " + micro.tail());
        } finally {
            micro.stop();
        }
    }
}
