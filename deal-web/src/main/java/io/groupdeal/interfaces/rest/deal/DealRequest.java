package io.groupdeal.interfaces.rest.deal;

import io.groupdeal.application.problem.InvalidInput;
import io.groupdeal.domain.deal.DealTerms;
import io.groupdeal.domain.deal.RefundPolicy;
import io.groupdeal.domain.deal.TeamTerms;
import io.groupdeal.domain.shared.MultiLine;
import io.groupdeal.interfaces.money.Amounts;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;

/** A deal as a merchant sends it. Lengths are capped here; every rule of a deal is checked by the domain. */
public record DealRequest(
        @Size(max = 200) String title,
        @MultiLine @Size(max = 10_000) String description,
        @MultiLine @Size(max = 5_000) String finePrint,
        @Size(max = 3) String currency,
        @Size(max = 20) String price,
        @Size(max = 20) String originalValue,
        Integer minBuyers,
        Integer maxQuantity,
        Integer perBuyerLimit,
        Instant salesStart,
        Instant salesEnd,
        Instant couponValidUntil,
        @Size(max = 100) List<@Size(max = 26) String> storeIds,
        @Size(max = 10) String refundPolicy,
        Boolean autoRefundOnExpiry,
        @Size(max = 10) List<@jakarta.validation.Valid OptionRequest> options,
        Integer teamSize,
        @Size(max = 20) String teamPrice,
        Integer teamWindowMinutes) {

    /** The deal's team buy: none when no team field is sent. */
    public TeamTerms team() {
        return new TeamTerms(teamSize, Amounts.parse(teamPrice, "teamPrice"), teamWindowMinutes);
    }

    /**
     * The options as sent, or null when the request has none, or an empty list (the deal then has one, made from its
     * price): generated clients send an empty list for a member they were not given.
     */
    public List<io.groupdeal.domain.deal.OptionTerms> optionTerms() {
        if (options == null || options.isEmpty()) {
            return null;
        }
        List<io.groupdeal.domain.deal.OptionTerms> terms = new java.util.ArrayList<>(options.size());
        for (int i = 0; i < options.size(); i++) {
            if (options.get(i) == null) {
                throw new InvalidInput("options[" + i + "]", "is required");
            }
            terms.add(options.get(i).terms(i));
        }
        return terms;
    }

    public DealTerms terms() {
        return new DealTerms(
                title,
                description,
                finePrint,
                currency,
                Amounts.parse(price, "price"),
                Amounts.parse(originalValue, "originalValue"),
                minBuyers,
                maxQuantity,
                perBuyerLimit,
                salesStart,
                salesEnd,
                couponValidUntil,
                policy(),
                autoRefundOnExpiry);
    }

    private RefundPolicy policy() {
        if (refundPolicy == null) {
            return null;
        }
        try {
            return RefundPolicy.valueOf(refundPolicy);
        } catch (IllegalArgumentException e) {
            throw new InvalidInput("refundPolicy", "one-of", "NONE, ANYTIME");
        }
    }
}
