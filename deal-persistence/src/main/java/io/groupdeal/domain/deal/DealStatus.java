package io.groupdeal.domain.deal;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A deal's lifecycle, every move in one place ({@link #canMoveTo}): DRAFT → (publish) SCHEDULED → ON_SALE → ENDED
 * (tipped) or FAILED (not tipped); CANCELLED before it ends. A deal of a moderated tenant goes from DRAFT to IN_REVIEW
 * when published, and from there to SCHEDULED or ON_SALE when the operator approves it, or back to DRAFT when the
 * operator rejects it. A deal whose sales window closed while it was SCHEDULED ends without going on sale. ENDED,
 * FAILED and CANCELLED are final. IN_REVIEW is like DRAFT for everything that sells or lists deals: not in the
 * catalog, not buyable, moved by no job.
 *
 * <p>The entity moves by {@link Deal}'s methods ({@link #moveTo}); the deal clock moves many rows at once by conditional
 * updates whose {@code WHERE status IN} lists are {@link #movingTo}'s ({@link DealRepository}).
 */
public enum DealStatus {
    DRAFT,
    SCHEDULED,
    ON_SALE,
    ENDED,
    FAILED,
    CANCELLED,
    IN_REVIEW;

    private static final Map<DealStatus, Set<DealStatus>> NEXT = new EnumMap<>(DealStatus.class);

    static {
        NEXT.put(DRAFT, EnumSet.of(IN_REVIEW, SCHEDULED, ON_SALE, CANCELLED));
        NEXT.put(IN_REVIEW, EnumSet.of(DRAFT, SCHEDULED, ON_SALE, CANCELLED));
        NEXT.put(SCHEDULED, EnumSet.of(ON_SALE, ENDED, FAILED, CANCELLED));
        NEXT.put(ON_SALE, EnumSet.of(ENDED, FAILED, CANCELLED));
        NEXT.put(ENDED, EnumSet.noneOf(DealStatus.class));
        NEXT.put(FAILED, EnumSet.noneOf(DealStatus.class));
        NEXT.put(CANCELLED, EnumSet.noneOf(DealStatus.class));
    }

    /** Whether a deal in this state may become {@code next}. */
    public boolean canMoveTo(DealStatus next) {
        return NEXT.get(this).contains(next);
    }

    /** The states a deal in this state may become; empty for a final state. */
    public Set<DealStatus> next() {
        return Collections.unmodifiableSet(NEXT.get(this));
    }

    /** {@code next}, when this state may become it; a caller that did not check first is a bug. */
    public DealStatus moveTo(DealStatus next) {
        if (!canMoveTo(next)) {
            throw new IllegalStateException("a " + this + " deal cannot become " + next);
        }
        return next;
    }

    /** The states that may become {@code target}. */
    public static Set<DealStatus> movingTo(DealStatus target) {
        Set<DealStatus> from = EnumSet.noneOf(DealStatus.class);
        NEXT.forEach((state, next) -> {
            if (next.contains(target)) {
                from.add(state);
            }
        });
        return Collections.unmodifiableSet(from);
    }

    /** The states as a SQL list, {@code ('SCHEDULED', 'ON_SALE')}, for a conditional update built from this machine. */
    public static String sqlList(Set<DealStatus> states) {
        if (states.isEmpty()) {
            throw new IllegalArgumentException("an empty list of states");
        }
        return states.stream().map(s -> "'" + s.name() + "'").collect(Collectors.joining(", ", "(", ")"));
    }

    /** Shown in the public catalog. */
    public boolean isListed() {
        return this == SCHEDULED || this == ON_SALE;
    }

    public boolean isCancellable() {
        return canMoveTo(CANCELLED);
    }

    /** No move is left: ENDED, FAILED or CANCELLED. */
    public boolean isFinal() {
        return NEXT.get(this).isEmpty();
    }
}
