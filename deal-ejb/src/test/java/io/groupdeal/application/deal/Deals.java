package io.groupdeal.application.deal;

import io.groupdeal.domain.deal.Deal;
import io.groupdeal.domain.deal.DealStatus;
import java.lang.reflect.Field;

/** A deal in a state only the database's conditional updates reach (ENDED, FAILED, sold), for unit tests. */
final class Deals {

    private Deals() {}

    static void setStatus(Deal deal, DealStatus status) {
        set(deal, "status", status);
    }

    private static void set(Deal deal, String name, Object value) {
        try {
            Field field = Deal.class.getDeclaredField(name);
            field.setAccessible(true);
            field.set(deal, value);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
