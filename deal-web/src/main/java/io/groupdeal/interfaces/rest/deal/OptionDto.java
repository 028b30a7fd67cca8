package io.groupdeal.interfaces.rest.deal;

import io.groupdeal.domain.deal.DealOption;
import io.groupdeal.interfaces.money.Amounts;
import java.io.Serializable;

/**
 * One option of a deal: {@code {id, title, price, originalValue, maxQuantity, sold, remaining}}; {@code maxQuantity}
 * null when only the deal's quantity caps it, {@code remaining} the least of its own and the deal's (null: unlimited).
 */
public record OptionDto(
        String id, String title, String price, String originalValue, Integer maxQuantity, int sold, Integer remaining)
        implements Serializable {

    public static OptionDto of(DealOption option, String currency, Integer dealRemaining) {
        return new OptionDto(
                option.id(),
                option.title(),
                Amounts.format(option.price(), currency),
                Amounts.format(option.originalValue(), currency),
                option.maxQuantity(),
                option.sold(),
                option.remaining(dealRemaining));
    }
}
