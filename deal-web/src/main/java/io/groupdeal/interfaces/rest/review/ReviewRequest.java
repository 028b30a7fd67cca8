package io.groupdeal.interfaces.rest.review;

import io.groupdeal.domain.shared.MultiLine;
import jakarta.validation.constraints.Size;

/** A buyer's review of the deal of one used coupon; the rules are checked by the review service. */
public record ReviewRequest(
        @Size(max = 64) String couponCode,
        Integer rating,
        @MultiLine @Size(max = 4000) String comment) {}
