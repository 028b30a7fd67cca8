package io.groupdeal.domain.deal;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/** What a buyer's order needs of the option it buys: which it is and what one coupon of it costs. */
public record SaleOption(String id, String title, BigDecimal price) {

    /**
     * The option an order asks for among its deal's options (in their order): the named one, or the only one when
     * none is named. Empty when the name is not one of them, or when none is named and the deal has several.
     */
    public static Optional<SaleOption> chosen(List<SaleOption> options, String optionId) {
        if (optionId == null) {
            return options.size() == 1 ? Optional.of(options.get(0)) : Optional.empty();
        }
        return options.stream().filter(o -> o.id().equals(optionId)).findFirst();
    }
}
