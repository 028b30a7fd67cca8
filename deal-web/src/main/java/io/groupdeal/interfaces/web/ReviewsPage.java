package io.groupdeal.interfaces.web;

import io.groupdeal.application.PageRequest;
import io.groupdeal.application.deal.DealService;
import io.groupdeal.application.problem.Problem;
import io.groupdeal.application.review.MerchantReviews;
import io.groupdeal.domain.review.Review;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/**
 * The merchant's reviews, newest first, filtered by deal and stars (a GET form, so a view can be bookmarked), in
 * pages; each review without a reply has a reply form (one reply per review).
 */
@Named
@ViewScoped
public class ReviewsPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private FacesContext faces;

    private static final int PAGE_SIZE = 20;

    /** A deal to filter by. */
    public record DealChoice(String id, String title) implements Serializable {}

    @Inject
    private MerchantReviews reviews;

    @Inject
    private DealService deals;

    private String dealId;
    private String rating;
    private int page;
    private List<Review> items = List.of();
    private long total;

    public void load() {
        Integer stars = rating != null && rating.strip().matches("[1-5]") ? Integer.valueOf(rating.strip()) : null;
        try {
            var found = reviews.list(
                    dealId,
                    stars,
                    new PageRequest(Math.min(Math.max(0, page), PageRequest.MAX_OFFSET / PAGE_SIZE), PAGE_SIZE));
            items = found.items();
            total = found.total();
        } catch (Problem refused) {
            Messages.error(refused);
        }
    }

    public String reply(String reviewId) {
        if (Messages.attempt(() -> reviews.reply(
                reviewId,
                PlainTextInput.requireMultiLine(
                        faces.getExternalContext().getRequestParameterMap().get("text"), "text")))) {
            Messages.info(Words.of("page.reviews.posted"));
            faces.getExternalContext().getFlash().setKeepMessages(true);
            return "/merchant/reviews.xhtml?faces-redirect=true&deal=" + (dealId == null ? "" : dealId) + "&rating="
                    + (rating == null ? "" : rating) + "&page=" + page;
        }
        load();
        return null;
    }

    public List<DealChoice> getDeals() {
        return deals.list(new PageRequest(0, PageRequest.MAX_SIZE), null).items().stream()
                .map(d -> new DealChoice(d.deal().id(), d.deal().title()))
                .toList();
    }

    public String stars(int rating) {
        return "★".repeat(rating) + "☆".repeat(5 - rating);
    }

    public boolean isHasNext() {
        return (long) (page + 1) * PAGE_SIZE < total;
    }

    public List<Review> getItems() {
        return items;
    }

    public long getTotal() {
        return total;
    }

    public String getDealId() {
        return dealId;
    }

    public void setDealId(String dealId) {
        this.dealId = dealId;
    }

    public String getRating() {
        return rating;
    }

    public void setRating(String rating) {
        this.rating = rating;
    }

    public int getPage() {
        return page;
    }

    public void setPage(int page) {
        this.page = page;
    }
}
