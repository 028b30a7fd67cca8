package io.groupdeal.infrastructure.time;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;
import java.time.Duration;

@ApplicationScoped
public class ClockProducer {

    /** The clock's tick: the database's columns keep time to the microsecond ({@code DATETIME(6)}). */
    static final Duration TICK = Duration.ofNanos(1_000);

    /**
     * UTC in whole microseconds, which is all a column keeps: an instant of the product reads back from the database as
     * it was written, and is bound as its plain text (io.groupdeal.domain.shared.NativeSql#dateTime). The system clock
     * itself tells nanoseconds on Linux, which the driver would round to microseconds, through BigDecimal arithmetic
     * and a formatter, for every instant of every statement.
     */
    @Produces
    Clock clock() {
        return Clock.tick(Clock.systemUTC(), TICK);
    }
}
