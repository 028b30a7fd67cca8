package io.groupdeal.domain.settlement;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Adds up the parts of a period into statement lines: one line per currency and commission rate. A period without a
 * change of rate has one line per currency, as always; a period that spans a change has a line per rate, in the order
 * the rates applied, so each commission is its rate times its own gross, rounded half-even once per line, and the lines
 * add up to the period. A rate that applied twice in the period (changed and changed back) is one line.
 */
public final class SettlementLines {

    private final Map<String, Map<BigDecimal, long[]>> counts = new TreeMap<>();
    private final Map<String, Map<BigDecimal, BigDecimal>> gross = new TreeMap<>();

    public void add(String currency, BigDecimal rate, long count, BigDecimal sum) {
        BigDecimal key = rate.stripTrailingZeros();
        counts.computeIfAbsent(currency, c -> new LinkedHashMap<>()).computeIfAbsent(key, r -> new long[1])[0] += count;
        gross.computeIfAbsent(currency, c -> new LinkedHashMap<>()).merge(key, sum, BigDecimal::add);
    }

    /** In currency order, then in the order the rates applied. */
    public List<SettlementLine> lines() {
        List<SettlementLine> lines = new ArrayList<>();
        counts.forEach((currency, byRate) -> byRate.forEach((rate, count) -> lines.add(SettlementLine.of(
                currency, count[0], gross.get(currency).get(rate), rate.setScale(Math.max(4, rate.scale()))))));
        return lines;
    }
}
