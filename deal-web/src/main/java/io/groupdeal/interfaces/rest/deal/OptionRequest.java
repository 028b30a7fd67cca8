package io.groupdeal.interfaces.rest.deal;

import io.groupdeal.domain.deal.OptionTerms;
import io.groupdeal.interfaces.money.Amounts;
import jakarta.validation.constraints.Size;

/**
 * One option of a deal as a merchant sends it: {@code id} to keep an option the draft has (left out: a new one).
 * Every rule of an option is checked by the domain ({@link OptionTerms#violations}).
 */
public record OptionRequest(
        @Size(max = 26) String id,
        @Size(max = 200) String title,
        @Size(max = 20) String price,
        @Size(max = 20) String originalValue,
        Integer maxQuantity) {

    OptionTerms terms(int index) {
        return new OptionTerms(
                id,
                title,
                Amounts.parse(price, "options[" + index + "].price"),
                Amounts.parse(originalValue, "options[" + index + "].originalValue"),
                maxQuantity);
    }
}
