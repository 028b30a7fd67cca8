package io.groupdeal.interfaces.web;

import io.groupdeal.application.catalog.CatalogService;
import io.groupdeal.application.problem.NotFound;
import io.groupdeal.interfaces.rest.catalog.CatalogDealDto;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** A deal's own page: description, fine print, where to redeem, and the buy box. Unknown deals answer 404. */
@Named
@RequestScoped
public class DealPage {

    @Inject
    private CatalogService catalog;

    private String id;
    private CatalogDealDto deal;

    public void load() {
        try {
            deal = CatalogDealDto.detail(catalog.deal(id));
        } catch (NotFound notFound) {
            Messages.notFound();
        }
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

    public String getId() { return id; }
    public void setId(String id) { this.id = id; }
    public CatalogDealDto getDeal() { return deal; }
}
