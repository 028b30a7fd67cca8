package io.groupdeal.domain.deal;

import io.groupdeal.domain.shared.Violation;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * A deal's team buy (拼团): a lower price per coupon for a team of {@code size} buyers formed within
 * {@code windowMinutes}. All three are given, or none (the deal offers no team). The team price lies below the deal's
 * price, or a team would cost its members more than buying alone.
 */
public record TeamTerms(Integer size, BigDecimal price, Integer windowMinutes) {

    public static final TeamTerms NONE = new TeamTerms(null, null, null);
    public static final int MIN_SIZE = 2;
    public static final int MAX_SIZE = 10;
    public static final int MIN_WINDOW_MINUTES = 5;
    /** A week: longer than that, the friends a team needs have long moved on. */
    public static final int MAX_WINDOW_MINUTES = 7 * 24 * 60;

    public boolean offered() {
        return size != null;
    }

    /** Every broken rule; {@code dealPrice} and {@code minorDigits} are the deal's (its price may be open in a draft). */
    public List<Violation> violations(BigDecimal dealPrice, int minorDigits) {
        List<Violation> found = new ArrayList<>();
        if (size == null && price == null && windowMinutes == null) {
            return found;
        }
        if (size == null || size < MIN_SIZE || size > MAX_SIZE) {
            found.add(Violation.of("teamSize", "between", MIN_SIZE, MAX_SIZE));
        }
        if (price == null) {
            found.add(Violation.of("teamPrice", "team-price-required"));
        } else if (price.signum() <= 0) {
            found.add(Violation.of("teamPrice", "more-than-zero"));
        } else if (dealPrice != null && price.compareTo(dealPrice) >= 0) {
            found.add(Violation.of("teamPrice", "team-price-below-price"));
        } else if (dealPrice == null) {
            found.add(Violation.of("teamPrice", "team-price-needs-price"));
        } else if (price.stripTrailingZeros().scale() > minorDigits) {
            found.add(Violation.of("teamPrice", "decimals", minorDigits));
        }
        if (windowMinutes == null || windowMinutes < MIN_WINDOW_MINUTES || windowMinutes > MAX_WINDOW_MINUTES) {
            found.add(Violation.of("teamWindowMinutes", "between", MIN_WINDOW_MINUTES, MAX_WINDOW_MINUTES));
        }
        return found;
    }
}
