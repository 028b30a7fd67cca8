package io.groupdeal.domain.catalog;

/**
 * What a buyer looks for: deals near a point within a radius (all three or none), matching words, one page.
 */
public record CatalogSearch(Double latitude, Double longitude, Double radiusKm, String text, int page, int size) {

    public boolean near() {
        return latitude != null;
    }
}
