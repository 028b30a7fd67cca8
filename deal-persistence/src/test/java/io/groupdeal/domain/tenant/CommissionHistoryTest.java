package io.groupdeal.domain.tenant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.groupdeal.domain.tenant.CommissionHistory.RatedPeriod;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class CommissionHistoryTest {

    private static final Instant CREATED = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant CHANGED = Instant.parse("2026-03-15T12:30:00Z");
    private static final BigDecimal FIRST = new BigDecimal("0.1000");
    private static final BigDecimal SECOND = new BigDecimal("0.2000");

    private final CommissionHistory history =
            new CommissionHistory(List.of(new CommissionRate(CHANGED, SECOND), new CommissionRate(CREATED, FIRST)));

    @Test
    void theRateInForceIsTheLastOneThatTookEffect() {
        assertEquals(FIRST, history.at(CHANGED.minusNanos(1000)));
        assertEquals(SECOND, history.at(CHANGED));
        assertEquals(SECOND, history.at(CHANGED.plusSeconds(86_400 * 365)));
        assertEquals(
                FIRST,
                history.at(CREATED.minusSeconds(60)),
                "before the tenant's creation only its first rate is known");
    }

    @Test
    void aPeriodAcrossAChangeIsCutAtTheChange() {
        Instant from = Instant.parse("2026-03-01T00:00:00Z");
        Instant to = Instant.parse("2026-04-01T00:00:00Z");
        assertEquals(
                List.of(new RatedPeriod(from, CHANGED, FIRST), new RatedPeriod(CHANGED, to, SECOND)),
                history.split(from, to));
    }

    @Test
    void aPeriodBeforeOrAfterTheChangeIsOnePart() {
        Instant marchFirst = Instant.parse("2026-03-01T00:00:00Z");
        assertEquals(List.of(new RatedPeriod(CREATED, marchFirst, FIRST)), history.split(CREATED, marchFirst));
        assertEquals(
                List.of(new RatedPeriod(CHANGED, CHANGED.plusSeconds(60), SECOND)),
                history.split(CHANGED, CHANGED.plusSeconds(60)),
                "a period that starts at the change has the new rate only");
        assertEquals(
                List.of(new RatedPeriod(marchFirst, CHANGED, FIRST)),
                history.split(marchFirst, CHANGED),
                "a period that ends at the change has the old rate only");
        assertEquals(List.of(), history.split(CHANGED, CHANGED));
    }

    @Test
    void everyChangeInsideAPeriodCutsIt() {
        Instant back = CHANGED.plusSeconds(3600);
        CommissionHistory changedBack = new CommissionHistory(List.of(
                new CommissionRate(CREATED, FIRST),
                new CommissionRate(CHANGED, SECOND),
                new CommissionRate(back, FIRST)));
        Instant to = back.plusSeconds(3600);
        assertEquals(
                List.of(
                        new RatedPeriod(CREATED, CHANGED, FIRST),
                        new RatedPeriod(CHANGED, back, SECOND),
                        new RatedPeriod(back, to, FIRST)),
                changedBack.split(CREATED, to));
    }

    @Test
    void aTenantAlwaysHasARate() {
        assertThrows(IllegalArgumentException.class, () -> new CommissionHistory(List.of()));
    }
}
