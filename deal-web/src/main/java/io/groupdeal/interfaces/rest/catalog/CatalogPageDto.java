package io.groupdeal.interfaces.rest.catalog;

import io.groupdeal.application.PageOf;
import io.groupdeal.domain.catalog.CatalogDeal;
import java.util.List;

/**
 * A page of the catalog: the list answer {@code {items, page, size, total}} and {@code totalExact}. Near a place the
 * count stops past {@link io.groupdeal.domain.catalog.NearestDeals#COUNTED} deals (or the end of the requested page):
 * {@code totalExact} false then says there are more than {@code total}; everywhere else it is true.
 */
public record CatalogPageDto(List<CatalogDealDto> items, int page, int size, long total, boolean totalExact) {

    public static CatalogPageDto of(PageOf<CatalogDeal> found) {
        return new CatalogPageDto(
                found.items().stream().map(CatalogDealDto::summary).toList(),
                found.page(),
                found.size(),
                found.total(),
                found.totalExact());
    }
}
