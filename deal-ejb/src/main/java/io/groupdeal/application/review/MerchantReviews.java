package io.groupdeal.application.review;

import io.groupdeal.application.PageOf;
import io.groupdeal.application.PageRequest;
import io.groupdeal.application.problem.Clash;
import io.groupdeal.application.problem.InvalidInput;
import io.groupdeal.application.problem.NotFound;
import io.groupdeal.application.security.Caller;
import io.groupdeal.application.security.TenantScoped;
import io.groupdeal.domain.review.Review;
import io.groupdeal.domain.review.ReviewRepository;
import io.groupdeal.domain.shared.Ids;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;

/** A merchant admin reads the reviews of the business's deals and replies once to each; other tenants' are unknown. */
@Stateless
@RolesAllowed("MERCHANT_ADMIN")
@TenantScoped
public class MerchantReviews {

    @Inject
    private ReviewRepository reviews;

    @Inject
    private Caller caller;

    @Inject
    private Clock clock;

    public PageOf<Review> list(String dealId, Integer rating, PageRequest page) {
        if (rating != null && (rating < 1 || rating > 5)) {
            throw new InvalidInput("rating", "whole-number-between", 1, 5);
        }
        String deal = dealId == null || dealId.isBlank() ? null : dealId.strip();
        String tenantId = tenantId();
        return new PageOf<>(
                reviews.ofTenant(tenantId, deal, rating, page.page(), page.size()),
                page.page(),
                page.size(),
                reviews.countOfTenant(tenantId, deal, rating));
    }

    public Review reply(String reviewId, String text) {
        String reply = text == null ? "" : text.strip();
        if (reply.isEmpty() || reply.length() > Review.MAX_REPLY) {
            throw new InvalidInput("text", "length-between", 1, Review.MAX_REPLY);
        }
        String tenantId = tenantId();
        Review review = (Ids.isWellFormed(reviewId)
                        ? reviews.find(tenantId, reviewId)
                        : java.util.Optional.<Review>empty())
                .orElseThrow(() -> new NotFound("review"));
        if (!reviews.reply(tenantId, review.id(), reply, clock.instant())) {
            throw new Clash("reply-exists");
        }
        return reviews.find(tenantId, review.id()).orElseThrow();
    }

    private String tenantId() {
        return caller.account().orElseThrow().tenantId();
    }
}
