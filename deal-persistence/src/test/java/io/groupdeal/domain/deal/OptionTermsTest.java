package io.groupdeal.domain.deal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.groupdeal.domain.shared.Violation;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The rules of a deal's options, of the option an order chooses, and of what is left of an option. */
class OptionTermsTest {

    private static DealTerms deal(Integer maxQuantity) {
        return new DealTerms(
                "Spa day", null, null, "EUR", null, null, 1, maxQuantity, null, null, null, null, null, null);
    }

    private static OptionTerms option(String title, String price, String value, Integer cap) {
        return new OptionTerms(
                null,
                title,
                price == null ? null : new BigDecimal(price),
                value == null ? null : new BigDecimal(value),
                cap);
    }

    private static List<String> fields(List<Violation> violations) {
        return violations.stream()
                .map(v -> v.field() + ": " + v.rule() + (v.args().isEmpty() ? "" : " " + v.args()))
                .toList();
    }

    @Test
    void threeGoodOptionsKeepEveryRule() {
        List<OptionTerms> options = List.of(
                option("For 1", "19.90", "34.00", 10),
                option("For 2", "35.00", "68.00", 20),
                option("Family", "60.00", "120.00", null));
        assertEquals(List.of(), OptionTerms.violations(options, deal(25), true));
    }

    @Test
    void aTitleIsRequiredAndAtMost120Characters() {
        List<Violation> found = OptionTerms.violations(
                List.of(option(" ", "1.00", "2.00", null), option("x".repeat(121), "1.00", "2.00", null)),
                deal(null),
                false);
        assertEquals(List.of("options[0].title: required", "options[1].title: max-length [120]"), fields(found));
    }

    @Test
    void aPriceIsMoreThanZeroNotAboveTheOriginalValueAndInTheCurrencysDecimals() {
        List<Violation> found = OptionTerms.violations(
                List.of(
                        option("Free", "0", "2.00", null),
                        option("Dear", "30.00", "20.00", null),
                        option("Fine", "1.005", "2.00", null)),
                deal(null),
                false);
        assertEquals(
                List.of(
                        "options[0].price: amount-range",
                        "options[1].price: price-above-value",
                        "options[2].price: decimals-in [2, EUR]"),
                fields(found));
    }

    @Test
    void aCapIsAtLeastOneAndAtMostTheDealsQuantityWhileTheCapsMayAddUpToMore() {
        assertEquals(
                List.of(
                        "options[0].maxQuantity: between [1, 1000000]",
                        "options[1].maxQuantity: option-max-quantity [25]"),
                fields(OptionTerms.violations(
                        List.of(option("None", "1.00", "2.00", 0), option("Too many", "1.00", "2.00", 26)),
                        deal(25),
                        false)));
        assertEquals(
                List.of(),
                OptionTerms.violations(
                        List.of(option("A", "1.00", "2.00", 20), option("B", "1.00", "2.00", 20)), deal(25), false),
                "40 caps over a deal of 25: the deal's quantity is shared stock");
    }

    @Test
    void oneToTenOptionsAndNoIdTwice() {
        assertEquals(
                List.of("options: options-count [10]"), fields(OptionTerms.violations(List.of(), deal(null), false)));
        assertEquals(
                List.of("options: options-count [10]"),
                fields(OptionTerms.violations(
                        Collections.nCopies(11, option("A", "1.00", "2.00", null)), deal(null), false)));
        assertEquals(
                List.of(),
                OptionTerms.violations(Collections.nCopies(10, option("A", "1.00", "2.00", null)), deal(null), false));
        OptionTerms kept = new OptionTerms("01JOPTION00000000000000000", "A", null, null, null);
        assertEquals(
                List.of("options[1].id: option-id-repeated"),
                fields(OptionTerms.violations(List.of(kept, kept), deal(null), false)));
        assertEquals(
                List.of("options[1]: required"),
                fields(OptionTerms.violations(Arrays.asList(kept, null), deal(null), false)));
    }

    @Test
    void publishingNeedsEveryOptionsPrices() {
        assertEquals(
                List.of("options[0].price: required-to-publish", "options[0].originalValue: required-to-publish"),
                fields(OptionTerms.violations(List.of(option("A", null, null, null)), deal(null), true)));
        assertEquals(
                List.of(),
                OptionTerms.violations(List.of(option("A", null, null, null)), deal(null), false),
                "a draft may leave them open");
    }

    @Test
    void aDealWrittenWithoutOptionsHasOneFromItsPriceValueAndQuantity() {
        DealTerms terms = DraftTerms.titled(" Noodles ")
                .priced("EUR", "9.90", "20.00")
                .quantities(1, 50, null)
                .terms();
        assertEquals(
                new OptionTerms(null, "Noodles", new BigDecimal("9.90"), new BigDecimal("20.00"), 50),
                OptionTerms.single(terms));
        DealTerms priced = terms.pricedAs(option("For 2", "15.00", "40.00", 10));
        assertEquals(new BigDecimal("15.00"), priced.price(), "the deal's price is its first option's");
        assertEquals(new BigDecimal("40.00"), priced.originalValue());
        assertEquals(50, priced.maxQuantity(), "the deal keeps its own quantity");
    }

    @Test
    void anOrderBuysTheNamedOptionOrTheOnlyOne() {
        SaleOption one = new SaleOption("o1", "For 1", new BigDecimal("10.00"));
        SaleOption two = new SaleOption("o2", "For 2", new BigDecimal("18.00"));
        assertEquals(Optional.of(one), SaleOption.chosen(List.of(one), null), "a deal of one option needs no name");
        assertEquals(Optional.empty(), SaleOption.chosen(List.of(one, two), null), "several: one must be named");
        assertEquals(Optional.of(two), SaleOption.chosen(List.of(one, two), "o2"));
        assertEquals(Optional.empty(), SaleOption.chosen(List.of(one, two), "o3"), "no option of this deal");
        assertEquals(
                Optional.empty(),
                SaleOption.chosen(List.of(one), "o3"),
                "a wrong name is never taken for the only one");
    }

    @Test
    void whatIsLeftOfAnOptionIsTheLeastOfItsCapAndTheDeals() {
        DealOption capped = new DealOption("deal", option("For 1", "1.00", "2.00", 10), 0, 2);
        assertEquals(10, capped.remaining(null));
        assertEquals(4, capped.remaining(4), "the deal has only 4 left");
        assertEquals(0, capped.remaining(0));
        DealOption open = new DealOption("deal", option("Any", "1.00", "2.00", null), 1, 2);
        assertNull(open.remaining(null), "neither limits it");
        assertEquals(7, open.remaining(7));
        assertEquals(new BigDecimal("1.00"), capped.price());
        assertTrue(new ArrayList<>(List.of(capped)).contains(capped));
    }
}
