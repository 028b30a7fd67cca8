package io.groupdeal.domain.tenant;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Every commission rate a tenant had, each from when it applied: the rate in force at a moment is the last one that
 * took effect at or before it. A statement splits its period at each change, so a redemption is always charged the rate
 * of its own moment and a new rate never rewrites a past period. Before the first recorded rate (the tenant's creation)
 * the first rate applies: nothing else is known of that time.
 */
public final class CommissionHistory {

    private final List<CommissionRate> rates;

    public CommissionHistory(List<CommissionRate> rates) {
        if (rates.isEmpty()) {
            throw new IllegalArgumentException("a tenant always has a commission rate");
        }
        this.rates = rates.stream()
                .sorted(Comparator.comparing(CommissionRate::effectiveFrom))
                .toList();
    }

    /** A part of a period with one rate: from (inclusive) to (exclusive). */
    public record RatedPeriod(Instant from, Instant to, BigDecimal rate) {}

    /** The rate in force at the moment. */
    public BigDecimal at(Instant moment) {
        BigDecimal rate = rates.get(0).rate();
        for (CommissionRate r : rates) {
            if (r.effectiveFrom().isAfter(moment)) {
                break;
            }
            rate = r.rate();
        }
        return rate;
    }

    /** The period from {@code from} (inclusive) to {@code to} (exclusive) cut at every change of rate, in time order. */
    public List<RatedPeriod> split(Instant from, Instant to) {
        List<RatedPeriod> parts = new ArrayList<>();
        Instant start = from;
        for (CommissionRate next : rates) {
            if (!next.effectiveFrom().isAfter(start)) {
                continue;
            }
            if (!next.effectiveFrom().isBefore(to)) {
                break;
            }
            parts.add(new RatedPeriod(start, next.effectiveFrom(), at(start)));
            start = next.effectiveFrom();
        }
        if (start.isBefore(to)) {
            parts.add(new RatedPeriod(start, to, at(start)));
        }
        return parts;
    }

    public List<CommissionRate> rates() {
        return rates;
    }
}
