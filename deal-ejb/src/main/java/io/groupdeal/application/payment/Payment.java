package io.groupdeal.application.payment;

import java.math.BigDecimal;

/**
 * A payment as the provider sees it: made under {@code key}, known by its {@code ref}. {@code captured} and
 * {@code refunded} are the money that moved; an authorisation alone moves none.
 */
public record Payment(
        String ref,
        String key,
        State state,
        BigDecimal amount,
        String currency,
        BigDecimal captured,
        BigDecimal refunded) {

    public enum State {
        /** Approved and held on the card, not charged yet. */
        AUTHORISED,
        /** Charged ({@code captured}), perhaps partly paid back since ({@code refunded}). */
        CAPTURED,
        /** The authorisation was released, or the key was barred before anything was authorised: nothing charged. */
        VOIDED,
        /** The card was refused: nothing charged. */
        DECLINED,
        /** The provider failed before charging: nothing charged. */
        FAILED
    }

    /** Approved: money is held or charged under the key. */
    public boolean approved() {
        return state == State.AUTHORISED || state == State.CAPTURED;
    }
}
