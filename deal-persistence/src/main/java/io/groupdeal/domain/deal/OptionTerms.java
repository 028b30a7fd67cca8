package io.groupdeal.domain.deal;

import io.groupdeal.domain.shared.Violation;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What a merchant says about one option of a deal ("for 1", "for 2", "family"): its title, price, original value and
 * its own cap ({@code maxQuantity}, null: only the deal's cap applies). {@code id} names an existing option to keep
 * when a draft is written again (null: a new option). {@link #violations} keeps the options' rules:
 * <ul>
 *     <li>1 to {@value #MAX_OPTIONS} options, ids not repeated;</li>
 *     <li>a title (at most {@value DealTerms#MAX_TITLE} characters);</li>
 *     <li>price and original value as a deal's ({@code > 0}, the currency's decimals), price not above the original
 *     value, both required to publish;</li>
 *     <li>a cap of at least 1 and at most the deal's {@code maxQuantity}. The caps may add up to more than the deal's
 *     {@code maxQuantity}: the deal's quantity is stock the options share, and whichever sells first takes it.</li>
 * </ul>
 * The per-buyer limit and the tipping point ({@code minBuyers}) are the deal's and count every option together.
 */
public record OptionTerms(String id, String title, BigDecimal price, BigDecimal originalValue, Integer maxQuantity) {

    public static final int MAX_OPTIONS = 10;

    /** The one option of a deal written without options: its price, original value and quantity, titled as the deal. */
    public static OptionTerms single(DealTerms deal) {
        return new OptionTerms(
                null,
                deal.title() == null ? null : deal.title().strip(),
                deal.price(),
                deal.originalValue(),
                deal.maxQuantity());
    }

    /**
     * Every broken rule of the options of {@code deal}, named {@code options[i].field}; with {@code publishing} also
     * what an option needs before the deal can go on sale.
     */
    public static List<Violation> violations(List<OptionTerms> options, DealTerms deal, boolean publishing) {
        List<Violation> found = new ArrayList<>();
        if (options.isEmpty() || options.size() > MAX_OPTIONS) {
            found.add(Violation.of("options", "options-count", MAX_OPTIONS));
            return found;
        }
        java.util.Currency currency = DealTerms.knownCurrency(deal.currency());
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < options.size(); i++) {
            OptionTerms option = options.get(i);
            String at = "options[" + i + "].";
            if (option == null) {
                found.add(Violation.of("options[" + i + "]", "required"));
                continue;
            }
            if (option.id() != null && !ids.add(option.id())) {
                found.add(Violation.of(at + "id", "option-id-repeated"));
            }
            option.check(at, deal, currency, publishing, found);
        }
        return found;
    }

    private void check(
            String at, DealTerms deal, java.util.Currency currency, boolean publishing, List<Violation> found) {
        if (title == null || title.isBlank()) {
            found.add(Violation.of(at + "title", "required"));
        } else if (title.strip().length() > DealTerms.MAX_TITLE) {
            found.add(Violation.of(at + "title", "max-length", DealTerms.MAX_TITLE));
        }
        DealTerms.amount(at + "price", price, currency, found);
        DealTerms.amount(at + "originalValue", originalValue, currency, found);
        if (price != null && originalValue != null && price.compareTo(originalValue) > 0) {
            found.add(Violation.of(at + "price", "price-above-value"));
        }
        if (maxQuantity != null && (maxQuantity < 1 || maxQuantity > DealTerms.MAX_COUPONS)) {
            found.add(Violation.of(at + "maxQuantity", "between", 1, DealTerms.MAX_COUPONS));
        } else if (maxQuantity != null && deal.maxQuantity() != null && maxQuantity > deal.maxQuantity()) {
            found.add(Violation.of(at + "maxQuantity", "option-max-quantity", deal.maxQuantity()));
        }
        if (publishing) {
            if (price == null) {
                found.add(Violation.of(at + "price", "required-to-publish"));
            }
            if (originalValue == null) {
                found.add(Violation.of(at + "originalValue", "required-to-publish"));
            }
        }
    }
}
