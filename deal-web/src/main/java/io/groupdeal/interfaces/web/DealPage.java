package io.groupdeal.interfaces.web;

import io.groupdeal.application.PageRequest;
import io.groupdeal.application.catalog.CatalogService;
import io.groupdeal.application.order.OrderService;
import io.groupdeal.application.order.OrderView;
import io.groupdeal.application.order.PlaceOrder;
import io.groupdeal.application.problem.NotFound;
import io.groupdeal.domain.catalog.CatalogDeal;
import io.groupdeal.domain.review.Review;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

/**
 * A deal's own page: description, fine print, where to redeem, and the buy box. Unknown deals answer 404. The buy
 * box carries an idempotency key made when the page is drawn, so a double click or a resent form buys once.
 */
@Named
@RequestScoped
public class DealPage {

    @Inject
    private FacesContext faces;

    /** The sandbox's test cards, as a buyer picks them in the demo. */
    public record Card(String token, String label) {}

    private static final int REVIEWS_SHOWN = 20;
    private static final List<Card> CARDS = List.of(
            new Card("tok_ok", "page.deal.card.ok"),
            new Card("tok_declined", "page.deal.card.declined"),
            new Card("tok_error", "page.deal.card.error"));

    @EJB
    private CatalogService catalog;

    @EJB
    private OrderService orders;

    @Inject
    private CurrentUser user;

    @Inject
    private DealOptionChoice option;

    private String id;
    private CatalogDeal deal;
    private int quantity = 1;
    private String card = "tok_ok";
    private String orderKey;
    private List<Review> reviews;
    private long reviewTotal;

    public void load() {
        try {
            deal = catalog.deal(id);
            orderKey = UUID.randomUUID().toString();
            var page = catalog.reviews(id, new PageRequest(0, REVIEWS_SHOWN));
            reviews = page.items();
            reviewTotal = page.total();
        } catch (NotFound notFound) {
            Messages.notFound();
        }
    }

    /** Places the order and shows the buyer's coupons; a refusal (sold out, limit, declined) stays in the buy box. */
    public String buy() {
        OrderView[] placed = new OrderView[1];
        if (!Messages.attempt(
                () -> placed[0] = orders.place(orderKey, new PlaceOrder(id, option.getSent(), quantity, card)))) {
            load();
            return null;
        }
        faces.getExternalContext().getFlash().setKeepMessages(true);
        Messages.info(
                placed[0].order().status().name().equals("PENDING")
                        ? Words.of("page.deal.placedPending")
                        : Words.of("page.deal.placed"));
        return "/account/index.xhtml?faces-redirect=true";
    }

    /**
     * The newest reviews, each by its author's short name (escaped like every text of the page: a review's markup
     * shows as text).
     */
    public List<Review> getReviews() {
        return reviews == null ? List.of() : reviews;
    }

    public long getReviewTotal() {
        return reviewTotal;
    }

    /** "★★★★☆" for a rating from 1 to 5 (an average is rounded). */
    public String stars(double rating) {
        int full = (int) Math.round(rating);
        return "★".repeat(full) + "☆".repeat(5 - full);
    }

    public boolean isBuyer() {
        return user.isBuyer();
    }

    public List<Integer> getQuantities() {
        int most = deal == null || deal.remaining() == null ? 10 : Math.min(10, deal.remaining());
        return IntStream.rangeClosed(1, Math.max(1, most)).boxed().toList();
    }

    public List<Card> getCards() {
        return CARDS;
    }

    public int getQuantity() {
        return quantity;
    }

    public void setQuantity(int quantity) {
        this.quantity = quantity;
    }

    public String getCard() {
        return card;
    }

    public void setCard(String card) {
        this.card = card;
    }

    public String getOrderKey() {
        return orderKey;
    }

    public void setOrderKey(String orderKey) {
        this.orderKey = orderKey;
    }

    public boolean isOnSale() {
        return deal != null && "ON_SALE".equals(deal.status()) && (deal.remaining() == null || deal.remaining() > 0);
    }

    public String getTimeLeft() {
        return StorefrontPage.timeLeft(deal);
    }

    public int getTipping() {
        return Math.min(100, deal.sold() * 100 / Math.max(1, deal.minBuyers()));
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public CatalogDeal getDeal() {
        return deal;
    }
}
