package io.groupdeal.interfaces.web;

import io.groupdeal.application.PageOf;
import io.groupdeal.application.catalog.CatalogService;
import io.groupdeal.application.problem.Problem;
import io.groupdeal.domain.catalog.CatalogDeal;
import io.groupdeal.domain.catalog.CatalogSearch;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The storefront: deals near the chosen place (from the browser's location, typed coordinates or a city of the
 * stores), or everywhere when no place is chosen, with words to narrow them down.
 */
@Named
@RequestScoped
public class StorefrontPage {

    public static final int PAGE_SIZE = 24;

    @EJB
    private CatalogService catalog;

    private Double lat;
    private Double lng;
    private Double radiusKm;
    private String q;
    private int page;
    private List<CatalogDeal> deals = List.of();
    private long total;
    private boolean totalExact = true;
    private List<CatalogService.City> cities = List.of();

    public void load() {
        cities = catalog.cities();
        try {
            PageOf<CatalogDeal> found = catalog.search(new CatalogSearch(
                    lat,
                    lat == null ? null : lng,
                    lat == null ? null : radiusKm,
                    q == null || q.isBlank() ? null : q.strip(),
                    Math.max(0, page),
                    PAGE_SIZE));
            deals = found.items();
            total = found.total();
            totalExact = found.totalExact();
        } catch (Problem problem) {
            Messages.error(problem);
        }
    }

    /** "2 days left", "5 hours left", "starts in 3 hours". */
    public static String timeLeft(CatalogDeal deal) {
        Instant now = Instant.now();
        boolean scheduled = "SCHEDULED".equals(deal.status());
        Duration left = Duration.between(now, scheduled ? deal.salesStart() : deal.salesEnd());
        if (left.isNegative()) {
            return Words.of(scheduled ? "page.index.starting" : "page.index.ending");
        }
        String amount = left.toDays() >= 2
                ? Words.of("page.index.days", left.toDays())
                : left.toHours() >= 2
                        ? Words.of("page.index.hours", left.toHours())
                        : Words.of("page.index.minutes", Math.max(1, left.toMinutes()));
        return Words.of(scheduled ? "page.index.startsIn" : "page.index.left", amount);
    }

    public String timeLeftOf(CatalogDeal deal) {
        return timeLeft(deal);
    }

    public int tipping(CatalogDeal deal) {
        return Math.min(100, deal.sold() * 100 / Math.max(1, deal.minBuyers()));
    }

    public boolean isNear() {
        return lat != null && lng != null;
    }

    /** More deals after this page: the count says so, or it stopped ("more than N") past this page's end. */
    public boolean isHasMore() {
        return (long) (page + 1) * PAGE_SIZE < total || !totalExact;
    }

    public Double getLat() {
        return lat;
    }

    public void setLat(Double lat) {
        this.lat = lat;
    }

    public Double getLng() {
        return lng;
    }

    public void setLng(Double lng) {
        this.lng = lng;
    }

    public Double getRadiusKm() {
        return radiusKm;
    }

    public void setRadiusKm(Double radiusKm) {
        this.radiusKm = radiusKm;
    }

    public String getQ() {
        return q;
    }

    public void setQ(String q) {
        this.q = q;
    }

    public int getPage() {
        return page;
    }

    public void setPage(int page) {
        this.page = page;
    }

    public List<CatalogDeal> getDeals() {
        return deals;
    }

    public long getTotal() {
        return total;
    }

    public boolean isTotalExact() {
        return totalExact;
    }

    public List<CatalogService.City> getCities() {
        return cities;
    }
}
