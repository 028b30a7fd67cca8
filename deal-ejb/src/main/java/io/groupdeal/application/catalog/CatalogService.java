package io.groupdeal.application.catalog;

import io.groupdeal.application.PageOf;
import io.groupdeal.application.PageRequest;
import io.groupdeal.application.problem.InvalidInput;
import io.groupdeal.application.problem.InvalidInput.FieldError;
import io.groupdeal.application.problem.NotFound;
import io.groupdeal.domain.catalog.CatalogDeal;
import io.groupdeal.domain.catalog.CatalogRepository;
import io.groupdeal.domain.catalog.CatalogSearch;
import io.groupdeal.domain.review.Review;
import io.groupdeal.domain.review.ReviewRepository;
import io.groupdeal.domain.shared.Ids;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;

/**
 * Anyone browses the deals on sale or coming soon, of active merchants only: near a place (nearest first, with the
 * distance to the nearest store where the coupon can be used), by words in the title, description or merchant name.
 * Near a place, the count is exact up to {@link io.groupdeal.domain.catalog.NearestDeals#COUNTED} deals (or the end
 * of the requested page); beyond, the answer says "more than" that many.
 */
@Stateless
@PermitAll
public class CatalogService {

    public static final double DEFAULT_RADIUS_KM = 10;
    public static final double MAX_RADIUS_KM = 500;
    public static final int MAX_TEXT = 100;

    @Inject
    private CatalogRepository catalog;

    @Inject
    private ReviewRepository reviews;

    public PageOf<CatalogDeal> search(CatalogSearch search) {
        List<FieldError> errors = new ArrayList<>();
        if ((search.latitude() == null) != (search.longitude() == null)) {
            errors.add(FieldError.of(search.latitude() == null ? "lat" : "lng", "lat-lng-together"));
        }
        if (search.latitude() != null && !(search.latitude() >= -90 && search.latitude() <= 90)) {
            errors.add(FieldError.of("lat", "between", -90, 90));
        }
        if (search.longitude() != null && !(search.longitude() >= -180 && search.longitude() <= 180)) {
            errors.add(FieldError.of("lng", "between", -180, 180));
        }
        if (search.radiusKm() != null && !(search.radiusKm() > 0 && search.radiusKm() <= MAX_RADIUS_KM)) {
            errors.add(FieldError.of("radiusKm", "more-than-zero-at-most", (int) MAX_RADIUS_KM));
        }
        if (search.radiusKm() != null && search.latitude() == null) {
            errors.add(FieldError.of("radiusKm", "needs-lat-lng"));
        }
        if (search.text() != null && search.text().length() > MAX_TEXT) {
            errors.add(FieldError.of("q", "max-length", MAX_TEXT));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        CatalogSearch effective = search.latitude() != null && search.radiusKm() == null
                ? new CatalogSearch(
                        search.latitude(),
                        search.longitude(),
                        DEFAULT_RADIUS_KM,
                        search.text(),
                        search.page(),
                        search.size())
                : search;
        CatalogRepository.Page page = catalog.search(effective);
        return new PageOf<>(page.items(), search.page(), search.size(), page.total(), page.exact());
    }

    /** A place to look for deals: a city of the stores, at the middle of its stores. */
    public record City(String name, double latitude, double longitude) implements java.io.Serializable {}

    /**
     * The cities where published deals can be redeemed, for buyers who pick a place instead of sharing their location.
     * The city is the last part of a store's address, without its postcode ("Oranienstr. 12, 10999 Berlin": Berlin).
     */
    public List<City> cities() {
        java.util.Map<String, double[]> sums = new java.util.TreeMap<>();
        for (CatalogRepository.StorePlace place : catalog.storePlaces()) {
            String address = place.address();
            String city = address.substring(address.lastIndexOf(',') + 1)
                    .replaceAll("[0-9-]", " ")
                    .strip();
            if (!city.isEmpty()) {
                double[] sum = sums.computeIfAbsent(city, c -> new double[3]);
                sum[0] += place.latitude();
                sum[1] += place.longitude();
                sum[2]++;
            }
        }
        return sums.entrySet().stream()
                .limit(50)
                .map(e -> new City(e.getKey(), e.getValue()[0] / e.getValue()[2], e.getValue()[1] / e.getValue()[2]))
                .toList();
    }

    /** One published deal with its description, fine print and stores; drafts and cancelled deals are not found. */
    public CatalogDeal deal(String id) {
        if (!Ids.isWellFormed(id)) {
            throw new NotFound("deal");
        }
        return catalog.find(id, true).orElseThrow(() -> new NotFound("deal"));
    }

    /** A published deal's reviews for anyone, newest first; the deal is checked as {@link #deal} does. */
    public PageOf<Review> reviews(String dealId, PageRequest page) {
        String id = deal(dealId).id();
        return new PageOf<>(
                reviews.ofDeal(id, page.page(), page.size()), page.page(), page.size(), reviews.countOfDeal(id));
    }
}
