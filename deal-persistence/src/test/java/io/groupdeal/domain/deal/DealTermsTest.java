package io.groupdeal.domain.deal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.groupdeal.domain.shared.Violation;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every broken rule of a deal's terms is named with its field; publishing asks for more than a draft. */
class DealTermsTest {

    static final Instant START = Instant.parse("2026-03-01T10:00:00Z");

    static DealTerms complete() {
        return new DealTerms(
                "Noodles",
                "Two bowls",
                "Dine in",
                "EUR",
                new BigDecimal("9.90"),
                new BigDecimal("20.00"),
                5,
                100,
                2,
                START,
                START.plus(Duration.ofDays(7)),
                START.plus(Duration.ofDays(30)),
                RefundPolicy.ANYTIME,
                false);
    }

    static List<String> fields(List<Violation> violations) {
        return violations.stream().map(Violation::field).toList();
    }

    /** A draft that says only its title, its currency and its amounts. */
    static DealTerms priced(String title, String currency, String price, String originalValue) {
        return DraftTerms.titled(title).priced(currency, price, originalValue).terms();
    }

    /** A draft of noodles that says only its times. */
    static DealTerms timed(Instant salesStart, Instant salesEnd, Instant couponValidUntil) {
        return DraftTerms.titled("Noodles")
                .times(salesStart, salesEnd, couponValidUntil)
                .terms();
    }

    @Test
    void completeTermsBreakNoRule() {
        assertEquals(List.of(), complete().violations(true));
    }

    @Test
    void aDraftNeedsOnlyATitleButPublishingNeedsEverything() {
        DealTerms draft =
                new DealTerms("Noodles", null, null, null, null, null, null, null, null, null, null, null, null, null);
        assertEquals(List.of(), draft.violations(false));
        assertEquals(
                List.of(
                        "description",
                        "currency",
                        "price",
                        "originalValue",
                        "salesStart",
                        "salesEnd",
                        "couponValidUntil"),
                fields(draft.violations(true)));
    }

    @Test
    void amountsAndCurrencies() {
        DealTerms terms = priced("Noodles", "eur", "0", "1000000000");
        assertEquals(List.of("currency", "price", "originalValue"), fields(terms.violations(false)));

        DealTerms yen = priced("Ramen", "JPY", "980.5", "900");
        List<Violation> found = yen.violations(false);
        assertEquals(List.of("price", "price"), fields(found), "too many decimals for yen, and more than the value");
        assertEquals(
                Violation.of("price", "decimals-in", 0, "JPY"),
                found.get(0),
                "worded by the interfaces as \"must have at most 0 decimals in JPY\"");
    }

    @Test
    void quantitiesFitTogether() {
        DealTerms terms =
                new DealTerms("Noodles", null, null, null, null, null, 10, 5, 6, null, null, null, null, null);
        assertEquals(List.of("maxQuantity", "perBuyerLimit"), fields(terms.violations(false)));
        assertEquals(
                List.of("minBuyers"),
                fields(new DealTerms(
                                "Noodles", null, null, null, null, null, 0, null, null, null, null, null, null, null)
                        .violations(false)));
    }

    @Test
    void timesAreInOrderAndWithinTheCalendar() {
        DealTerms backwards = timed(START, START.minusSeconds(1), START.minusSeconds(2));
        assertEquals(List.of("salesEnd", "couponValidUntil"), fields(backwards.violations(false)));

        DealTerms farAway = timed(Instant.parse("1999-12-31T23:59:59Z"), null, Instant.parse("3000-01-01T00:00:00Z"));
        assertEquals(List.of("salesStart", "couponValidUntil"), fields(farAway.violations(false)));
    }

    @Test
    void textsHaveTheirLimits() {
        DealTerms terms = DraftTerms.titled("x".repeat(DealTerms.MAX_TITLE + 1))
                .texts("d".repeat(DealTerms.MAX_DESCRIPTION + 1), "f".repeat(DealTerms.MAX_FINE_PRINT + 1))
                .terms();
        assertEquals(List.of("title", "description", "finePrint"), fields(terms.violations(false)));
        assertEquals(
                List.of("title"),
                fields(new DealTerms(" ", null, null, null, null, null, null, null, null, null, null, null, null, null)
                        .violations(false)));
    }
}
