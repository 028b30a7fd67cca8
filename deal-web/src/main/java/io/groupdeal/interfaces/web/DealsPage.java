package io.groupdeal.interfaces.web;

import io.groupdeal.application.PageRequest;
import io.groupdeal.application.deal.DealService;
import io.groupdeal.application.deal.DealView;
import io.groupdeal.domain.deal.Deal;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/** The merchant's deals: status, sales, tipping progress; publish and cancel with confirmation. */
@Named
@ViewScoped
public class DealsPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private DealService deals;

    private List<Deal> items = List.of();
    private long total;
    private String zone;

    @PostConstruct
    void load() {
        var page = deals.list(new PageRequest(0, PageRequest.MAX_SIZE), null);
        items = page.items().stream().map(DealView::deal).toList();
        total = page.total();
    }

    public String publish(Deal deal) {
        boolean[] inReview = {false};
        if (Messages.attempt(() -> inReview[0] = deals.publish(deal.id()).deal().isInReview())) {
            Messages.info(
                    Words.of(inReview[0] ? "moderation.published.inReview" : "page.deals.published", deal.title()));
            return Messages.reloadPage();
        }
        return null;
    }

    public String cancel(Deal deal) {
        if (Messages.attempt(() -> deals.cancel(deal.id()))) {
            Messages.info(Words.of("page.deals.cancelled", deal.title()));
            return Messages.reloadPage();
        }
        return null;
    }

    /** Progress towards the tipping point, 0 to 100. */
    public int tipping(Deal deal) {
        return Math.min(100, deal.sold() * 100 / Math.max(1, deal.minBuyers()));
    }

    public List<Deal> getItems() {
        return items;
    }

    /** The business's time zone, for the days shown in the list. */
    public String getZone() {
        if (zone == null) {
            zone = deals.timeZone().getId();
        }
        return zone;
    }

    public long getTotal() {
        return total;
    }
}
