package io.groupdeal.application.counter;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.groupdeal.domain.deal.DealStatus;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class UndoRuleTest {

    @Test
    void anUndoIsRefusedExactlyOnADeadDeal() {
        Set<DealStatus> refused = EnumSet.noneOf(DealStatus.class);
        for (DealStatus status : DealStatus.values()) {
            if (UndoRule.refusedOn(status)) {
                refused.add(status);
            }
        }
        assertEquals(
                EnumSet.of(DealStatus.CANCELLED, DealStatus.FAILED),
                refused,
                "an ended deal still honours its coupons until they expire; a cancelled or failed one never again");
    }
}
