package io.groupdeal.application.report;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.groupdeal.application.Timeouts;
import io.groupdeal.application.Wiring;
import io.groupdeal.domain.report.HourSummaries;
import io.groupdeal.domain.report.HourSummaries.Due;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongFunction;
import org.junit.jupiter.api.Test;

/**
 * The summary job keeps {@link io.groupdeal.application.ScheduledJob}'s rule (a failed run never reaches the EJB timer), and
 * a tenant that fails does not stop the others; a tenant without a summary row is started before its first pass.
 */
class DashboardSummariesTest {

    private final List<String> calls = new ArrayList<>();

    @Test
    void aFailedRunStaysInsideTheJob() throws Exception {
        DashboardSummaries job = job(
                closedUntil -> {
                    calls.add("due");
                    throw new IllegalStateException("the database is away");
                },
                new SummaryPass());
        assertDoesNotThrow(() -> Timeouts.fire(job));
        assertDoesNotThrow(() -> Timeouts.fire(job));
        assertEquals(List.of("due", "due"), calls, "the run after a failed one went on");
    }

    @Test
    void aFailingTenantDoesNotStopTheOthers() throws Exception {
        DashboardSummaries job = job(
                closedUntil -> {
                    assertEquals(
                            Instant.parse("2026-11-30T09:59:00Z").getEpochSecond() / 3600,
                            closedUntil,
                            "an hour is over a minute after its end");
                    return List.of(new Due("A", false), new Due("B", true));
                },
                new SummaryPass() {
                    @Override
                    public void start(String tenantId, long closedUntil, Instant now) {
                        calls.add("start " + tenantId);
                    }

                    @Override
                    public boolean run(String tenantId, long closedUntil, Instant now) {
                        calls.add("pass " + tenantId);
                        if (tenantId.equals("A")) {
                            throw new IllegalStateException("lock wait timeout");
                        }
                        return calls.stream().filter(c -> c.equals("pass B")).count() < 3;
                    }
                });
        Timeouts.fire(job);
        assertEquals(List.of("start A", "pass A", "pass B", "pass B", "pass B"), calls);
    }

    /** The job with the tenants {@code tenantsDue} answers (given the last closed hour), and that pass. */
    private static DashboardSummaries job(LongFunction<List<Due>> tenantsDue, SummaryPass pass) {
        DashboardSummaries job = new DashboardSummaries();
        Wiring.configure(job, "summaries", new HourSummaries() {
            @Override
            public List<Due> tenantsDue(long closedUntil) {
                return tenantsDue.apply(closedUntil);
            }
        });
        Wiring.configure(job, "pass", pass);
        Wiring.configure(job, "clock", Clock.fixed(Instant.parse("2026-11-30T10:00:30Z"), ZoneOffset.UTC));
        return job;
    }
}
