package io.groupdeal.domain.deal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Every move of a deal's lifecycle, allowed and refused, written out here as the product describes it (README, api.md),
 * independently of the machine's own table.
 */
class DealStatusTest {

    /** For each state, the states it may become; every other pair is refused. */
    static final Map<DealStatus, Set<DealStatus>> ALLOWED = Map.of(
            DealStatus.DRAFT,
                    EnumSet.of(DealStatus.IN_REVIEW, DealStatus.SCHEDULED, DealStatus.ON_SALE, DealStatus.CANCELLED),
            DealStatus.IN_REVIEW,
                    EnumSet.of(DealStatus.DRAFT, DealStatus.SCHEDULED, DealStatus.ON_SALE, DealStatus.CANCELLED),
            DealStatus.SCHEDULED,
                    EnumSet.of(DealStatus.ON_SALE, DealStatus.ENDED, DealStatus.FAILED, DealStatus.CANCELLED),
            DealStatus.ON_SALE, EnumSet.of(DealStatus.ENDED, DealStatus.FAILED, DealStatus.CANCELLED),
            DealStatus.ENDED, EnumSet.noneOf(DealStatus.class),
            DealStatus.FAILED, EnumSet.noneOf(DealStatus.class),
            DealStatus.CANCELLED, EnumSet.noneOf(DealStatus.class));

    @Test
    void everyAllowedMoveIsAllowedAndEveryOtherRefused() {
        assertEquals(EnumSet.allOf(DealStatus.class), ALLOWED.keySet());
        for (DealStatus from : DealStatus.values()) {
            for (DealStatus to : DealStatus.values()) {
                String move = from + " → " + to;
                if (ALLOWED.get(from).contains(to)) {
                    assertTrue(from.canMoveTo(to), move);
                    assertEquals(to, from.moveTo(to), move);
                } else {
                    assertFalse(from.canMoveTo(to), move);
                    assertThrows(IllegalStateException.class, () -> from.moveTo(to), move);
                }
            }
            assertEquals(ALLOWED.get(from), from.next(), "next of " + from);
        }
    }

    @Test
    void aStateNeverStaysByAMoveAndTheEndsAreFinal() {
        for (DealStatus state : DealStatus.values()) {
            assertFalse(state.canMoveTo(state), state.name());
        }
        assertEquals(
                EnumSet.of(DealStatus.ENDED, DealStatus.FAILED, DealStatus.CANCELLED),
                EnumSet.copyOf(Set.of(DealStatus.values()).stream()
                        .filter(DealStatus::isFinal)
                        .toList()));
    }

    @Test
    void exactlyTheDealsThatHaveNotEndedAreCancellable() {
        assertEquals(
                EnumSet.of(DealStatus.DRAFT, DealStatus.IN_REVIEW, DealStatus.SCHEDULED, DealStatus.ON_SALE),
                DealStatus.movingTo(DealStatus.CANCELLED));
        for (DealStatus state : DealStatus.values()) {
            assertEquals(
                    DealStatus.movingTo(DealStatus.CANCELLED).contains(state), state.isCancellable(), state.name());
        }
    }

    @Test
    void theClockEndsWhatMayEndWhetherItTippedOrNot() {
        assertEquals(DealStatus.movingTo(DealStatus.ENDED), DealStatus.movingTo(DealStatus.FAILED));
        assertEquals("('SCHEDULED', 'ON_SALE')", DealStatus.sqlList(DealStatus.movingTo(DealStatus.ENDED)));
        assertThrows(IllegalArgumentException.class, () -> DealStatus.sqlList(Set.of()));
    }
}
