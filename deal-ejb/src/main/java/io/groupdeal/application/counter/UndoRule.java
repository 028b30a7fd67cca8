package io.groupdeal.application.counter;

import io.groupdeal.domain.deal.DealStatus;

/**
 * Whether a redemption may be undone, by its deal's state. Undoing makes the coupon ACTIVE again. The cancellation of
 * a deal refunds its coupons that are unused at that moment, once per order; a coupon made ACTIVE after that would
 * be usable on a dead deal with its money kept, and a second refund for the order would be dropped by the ledger's
 * unique key. So the undo is refused on a cancelled deal (and on a failed one, whose coupons never became usable):
 * the counter never moves money, and the redemption the staff recorded before the cancellation stays. A deal that
 * ended normally still honours its coupons until they expire, so undo stays possible there.
 */
final class UndoRule {

    private UndoRule() {}

    static boolean refusedOn(DealStatus deal) {
        return deal == DealStatus.CANCELLED || deal == DealStatus.FAILED;
    }
}
