package io.groupdeal.interfaces.rest.review;

import jakarta.validation.constraints.Size;

/** A buyer's review of the deal of one used coupon; the rules are checked by the review service. */
public record ReviewRequest(@Size(max = 64) String couponCode, Integer rating, @Size(max = 4000) String comment) {
}
