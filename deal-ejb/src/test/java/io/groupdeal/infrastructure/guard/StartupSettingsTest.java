package io.groupdeal.infrastructure.guard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.groupdeal.application.security.PasswordHasher;
import java.util.List;
import org.junit.jupiter.api.Test;

class StartupSettingsTest {

    private static StartupSettings settings(String gateway, boolean demo, boolean allowSandbox, boolean embedded) {
        return new StartupSettings(gateway, true, demo, allowSandbox, embedded, PasswordHasher.ITERATIONS);
    }

    private static StartupSettings hashing(int iterations, boolean demo, boolean embedded) {
        return new StartupSettings("acme-pay", true, demo, false, embedded, iterations);
    }

    @Test
    void theSandboxAloneOnAnExternalDatabaseIsRefusedWithWhatToSet() {
        String why = settings("sandbox", false, false, false).refusal().orElseThrow();
        assertTrue(why.contains("DEAL_PAYMENT_GATEWAY"), why);
        assertTrue(why.contains("DEAL_ALLOW_SANDBOX=true"), why);
    }

    @Test
    void theSandboxRunsOnTheEmbeddedDatabaseOfMvnwRunEvenWithoutDemo() {
        assertTrue(
                settings("sandbox", false, false, true).refusal().isEmpty(),
                "DEAL_DEMO=false ./mvnw -Prun (the benches)");
    }

    @Test
    void theSandboxRunsInADemoOrWhenAllowed() {
        assertTrue(settings("sandbox", true, false, true).refusal().isEmpty(), "./mvnw -Prun");
        assertTrue(settings("sandbox", true, false, false).refusal().isEmpty(), "a demo on an external database");
        assertTrue(settings("sandbox", false, true, false).refusal().isEmpty(), "staging");
    }

    @Test
    void aRealGatewayRunsWithoutAnyAllowance() {
        assertTrue(settings("acme-pay", false, false, false).refusal().isEmpty());
        assertEquals(List.of(), settings("acme-pay", false, false, false).warnings());
    }

    @Test
    void aGatewayNameWithNoGatewayBehindItIsRefused() {
        String why = new StartupSettings("stripe", false, false, false, false, PasswordHasher.ITERATIONS)
                .refusal()
                .orElseThrow();
        assertTrue(why.contains("'stripe'"), why);
        assertTrue(
                new StartupSettings("sandbox", false, true, true, true, PasswordHasher.ITERATIONS)
                        .refusal()
                        .isPresent(),
                "even in a demo");
    }

    @Test
    void demoDataOnAnExternalDatabaseIsAnnouncedLoudlyWithThePublishedPassword() {
        List<String> lines = settings("sandbox", true, false, false).warnings();
        assertTrue(lines.size() >= 3, "several lines: " + lines);
        String all = String.join("\n", lines);
        assertTrue(all.contains("demo-password") && all.contains("operator@demo.groupdeal.io"), all);
    }

    @Test
    void demoDataOnTheEmbeddedDatabaseOfMvnwRunIsNoWarning() {
        assertEquals(List.of(), settings("sandbox", true, false, true).warnings());
    }

    @Test
    void anAllowedSandboxIsNamedInTheLog() {
        assertEquals(1, settings("sandbox", false, true, false).warnings().size());
    }

    @Test
    void fewerPasswordIterationsThanOwaspsAreRefusedOnARealInstall() {
        String why = hashing(10_000, false, false).refusal().orElseThrow();
        assertTrue(why.contains("DEAL_PASSWORD_ITERATIONS") && why.contains("600000"), why);
        assertTrue(
                new StartupSettings("sandbox", true, false, true, false, 10_000)
                        .refusal()
                        .isPresent(),
                "an allowed sandbox (staging) is no demo");
        assertTrue(hashing(PasswordHasher.ITERATIONS, false, false).refusal().isEmpty());
        assertTrue(hashing(1_000_000, false, false).refusal().isEmpty(), "more is always allowed");
    }

    @Test
    void fewerPasswordIterationsRunInADemoOrOnTheEmbeddedDatabaseAndAreNamedInTheLog() {
        assertTrue(hashing(1_024, true, false).refusal().isEmpty(), "the integration tests' server, a demo");
        assertTrue(hashing(1_024, false, true).refusal().isEmpty(), "./mvnw -Prun");
        assertTrue(
                String.join("\n", hashing(1_024, true, true).warnings()).contains("1024 PBKDF2 iterations"),
                "said in the log");
        assertEquals(List.of(), hashing(PasswordHasher.ITERATIONS, true, true).warnings());
    }

    @Test
    void fewerIterationsThanThePlatformTakesAreRefusedEvenInADemo() {
        String why = hashing(1_000, true, true).refusal().orElseThrow();
        assertTrue(why.contains("1024"), why);
    }
}
