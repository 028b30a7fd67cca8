package io.groupdeal.interfaces.web;

import io.groupdeal.application.PageRequest;
import io.groupdeal.application.deal.DealView;
import io.groupdeal.application.moderation.ModerationService;
import io.groupdeal.domain.deal.DealInReview;
import io.groupdeal.domain.deal.DealStatus;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The operator's moderation queue: every deal in review with its terms and fine print, longest waiting first; approve
 * it, or reject it with a reason for its merchant. The decisions are {@link ModerationService}'s, so the page refuses
 * what the API refuses (a deal someone else decided on first, a sales window that closed, a missing reason).
 */
@Named
@ViewScoped
public class ModerationPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private ModerationService moderation;

    private List<DealInReview> deals = List.of();
    private long total;
    private final Map<String, String> reasons = new HashMap<>();

    @PostConstruct
    void load() {
        var page = moderation.queue(new PageRequest(0, PageRequest.MAX_SIZE));
        deals = page.items();
        total = page.total();
    }

    public String approve(DealInReview deal) {
        DealView[] approved = new DealView[1];
        if (Messages.attempt(() -> approved[0] = moderation.approve(deal.id()))) {
            boolean scheduled = approved[0].deal().status() == DealStatus.SCHEDULED;
            Messages.info(Words.of(
                    scheduled ? "moderation.approved.scheduled" : "moderation.approved.onSale",
                    deal.terms().title()));
            return Messages.reloadPage();
        }
        return null;
    }

    public String reject(DealInReview deal) {
        String reason = reasons.get(deal.id());
        if (reason == null || reason.isBlank()) {
            Messages.error(Words.of("moderation.reason.required"));
            return null;
        }
        if (Messages.attempt(() -> moderation.reject(deal.id(), reason))) {
            Messages.info(Words.of("moderation.rejected", deal.terms().title()));
            return Messages.reloadPage();
        }
        return null;
    }

    public List<DealInReview> getDeals() {
        return deals;
    }

    public long getTotal() {
        return total;
    }

    /** The reason typed for each deal, by its id. */
    public Map<String, String> getReasons() {
        return reasons;
    }
}
