package io.groupdeal.application.report;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.groupdeal.application.Timeouts;
import io.groupdeal.domain.report.HourSummaries;
import java.lang.reflect.Field;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
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
                new HourSummaries() {
                    @Override
                    public List<Due> tenantsDue(long closedUntil) {
                        calls.add("due");
                        throw new IllegalStateException("the database is away");
                    }
                },
                new SummaryPass());
        assertDoesNotThrow(() -> Timeouts.fire(job));
        assertDoesNotThrow(() -> Timeouts.fire(job));
        assertEquals(List.of("due", "due"), calls, "the run after a failed one went on");
    }

    @Test
    void aFailingTenantDoesNotStopTheOthers() throws Exception {
        DashboardSummaries job = job(
                new HourSummaries() {
                    @Override
                    public List<Due> tenantsDue(long closedUntil) {
                        assertEquals(
                                Instant.parse("2026-11-30T09:59:00Z").getEpochSecond() / 3600,
                                closedUntil,
                                "an hour is over a minute after its end");
                        return List.of(new Due("A", false), new Due("B", true));
                    }
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

    private static DashboardSummaries job(HourSummaries summaries, SummaryPass pass) throws Exception {
        DashboardSummaries job = new DashboardSummaries();
        inject(job, "summaries", summaries);
        inject(job, "pass", pass);
        inject(job, "clock", Clock.fixed(Instant.parse("2026-11-30T10:00:30Z"), ZoneOffset.UTC));
        return job;
    }

    private static void inject(Object target, String field, Object value) throws ReflectiveOperationException {
        Field f = target.getClass().getDeclaredField(field);
        f.setAccessible(true);
        f.set(target, value);
    }
}
