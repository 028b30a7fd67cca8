package io.groupdeal.domain.deal;

/** DRAFT → (publish) SCHEDULED → ON_SALE → ENDED (tipped) or FAILED (not tipped); CANCELLED before ENDED. */
public enum DealStatus {
    DRAFT, SCHEDULED, ON_SALE, ENDED, FAILED, CANCELLED;

    /** Shown in the public catalog. */
    public boolean isListed() {
        return this == SCHEDULED || this == ON_SALE;
    }

    public boolean isCancellable() {
        return this == DRAFT || this == SCHEDULED || this == ON_SALE;
    }
}
