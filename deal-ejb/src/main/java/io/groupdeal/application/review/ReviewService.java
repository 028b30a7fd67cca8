package io.groupdeal.application.review;

import io.groupdeal.application.problem.Clash;
import io.groupdeal.application.problem.InvalidInput;
import io.groupdeal.application.problem.InvalidInput.FieldError;
import io.groupdeal.application.problem.NotFound;
import io.groupdeal.application.security.Caller;
import io.groupdeal.application.security.CallerAccount;
import io.groupdeal.domain.coupon.Coupon;
import io.groupdeal.domain.coupon.CouponCode;
import io.groupdeal.domain.coupon.CouponRepository;
import io.groupdeal.domain.coupon.CouponStatus;
import io.groupdeal.domain.review.Review;
import io.groupdeal.domain.review.ReviewRepository;
import io.groupdeal.domain.shared.Ids;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A buyer reviews a deal after using a coupon of it: 1 to 5 stars and a comment, once per coupon (a unique key decides
 * between two parallel attempts). Another buyer's coupon is answered like one that does not exist.
 */
@Stateless
@RolesAllowed("BUYER")
public class ReviewService {

    @Inject
    private ReviewRepository reviews;

    @Inject
    private CouponRepository coupons;

    @Inject
    private Caller caller;

    @Inject
    private Clock clock;

    public Review write(String couponCode, Integer rating, String comment) {
        String text = comment == null ? "" : comment.strip();
        List<FieldError> errors = new ArrayList<>();
        if (rating == null || rating < 1 || rating > 5) {
            errors.add(FieldError.of("rating", "whole-number-between", 1, 5));
        }
        if (text.length() > Review.MAX_COMMENT) {
            errors.add(FieldError.of("comment", "max-length", Review.MAX_COMMENT));
        }
        if (couponCode == null || couponCode.isBlank()) {
            errors.add(FieldError.of("couponCode", "required"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        CallerAccount buyer = buyer();
        Coupon coupon = CouponCode.parse(couponCode)
                .flatMap(c -> coupons.ofBuyer(buyer.accountId(), c))
                .orElseThrow(() -> new NotFound("coupon"));
        if (coupon.status() != CouponStatus.REDEEMED) {
            throw new Clash("not-redeemed");
        }
        String id = Ids.newId();
        if (!reviews.add(
                coupon.tenantId(),
                id,
                coupon.id(),
                coupon.dealId(),
                buyer.accountId(),
                rating,
                text,
                clock.instant())) {
            throw new Clash("review-exists");
        }
        return reviews.find(coupon.tenantId(), id).orElseThrow();
    }

    /** The ratings the buyer gave, by coupon id: the coupons already reviewed. */
    public Map<String, Integer> myRatings() {
        return reviews.ratingsOfBuyer(buyer().accountId());
    }

    private CallerAccount buyer() {
        return caller.account().orElseThrow(() -> new IllegalStateException("no caller behind a BUYER call"));
    }
}
