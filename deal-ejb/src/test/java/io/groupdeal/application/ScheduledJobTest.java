package io.groupdeal.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

import jakarta.ejb.ScheduleExpression;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/**
 * A job's timer is made as the bean starts, every so many seconds, named for the job and ending with the application;
 * each firing runs the job's work through {@link JobRun}, so a failed run stays inside and the next one goes on.
 */
class ScheduledJobTest {

    private final AtomicInteger runs = new AtomicInteger();

    private final ScheduledJob job = new ScheduledJob("Counting", 7) {
        @Override
        protected void work() {
            if (runs.incrementAndGet() == 1) {
                throw new IllegalStateException("the database is away");
            }
        }
    };

    @Test
    void theTimerIsMadeAsTheBeanStarts() {
        TimerService timers = mock(TimerService.class);
        Wiring.wire(job, timers);
        Timeouts.start(job);
        ArgumentCaptor<ScheduleExpression> schedule = ArgumentCaptor.forClass(ScheduleExpression.class);
        ArgumentCaptor<TimerConfig> config = ArgumentCaptor.forClass(TimerConfig.class);
        verify(timers).createCalendarTimer(schedule.capture(), config.capture());
        assertEquals("*/7", schedule.getValue().getSecond());
        assertEquals("*", schedule.getValue().getMinute());
        assertEquals("*", schedule.getValue().getHour());
        assertEquals("Counting", config.getValue().getInfo());
        assertFalse(config.getValue().isPersistent(), "each instance times its own runs; none outlives it");
    }

    @Test
    void aFailedRunStaysInsideAndTheNextOneGoesOn() {
        Timeouts.fire(job);
        Timeouts.fire(job);
        assertEquals(2, runs.get());
    }
}
