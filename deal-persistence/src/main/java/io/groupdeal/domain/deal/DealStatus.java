package io.groupdeal.domain.deal;

/**
 * DRAFT → (publish) SCHEDULED → ON_SALE → ENDED (tipped) or FAILED (not tipped); CANCELLED before ENDED. A deal of a
 * moderated tenant goes from DRAFT to IN_REVIEW when published, and from there to SCHEDULED or ON_SALE when the operator
 * approves it, or back to DRAFT when the operator rejects it. IN_REVIEW is like DRAFT for everything that sells or
 * lists deals: not in the catalog, not buyable, moved by no job.
 */
public enum DealStatus {
    DRAFT, SCHEDULED, ON_SALE, ENDED, FAILED, CANCELLED, IN_REVIEW;

    /** Shown in the public catalog. */
    public boolean isListed() {
        return this == SCHEDULED || this == ON_SALE;
    }

    public boolean isCancellable() {
        return this == DRAFT || this == IN_REVIEW || this == SCHEDULED || this == ON_SALE;
    }
}
