package io.groupdeal.interfaces.rest.catalog;

import io.groupdeal.application.PageRequest;
import io.groupdeal.application.catalog.CatalogService;
import io.groupdeal.application.problem.InvalidInput;
import io.groupdeal.domain.catalog.CatalogSearch;
import io.groupdeal.interfaces.rest.PageDto;
import io.groupdeal.interfaces.rest.Paging;
import io.groupdeal.interfaces.rest.review.PublicReviewDto;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** Anyone, no login: the deals on sale or coming soon, nearest first when a place is given. */
@ApplicationScoped
@Path("v1/catalog/deals")
@Produces(MediaType.APPLICATION_JSON)
public class CatalogResource {

    @Inject
    private CatalogService catalog;

    @GET
    public CatalogPageDto search(@QueryParam("lat") String lat, @QueryParam("lng") String lng,
                                          @QueryParam("radiusKm") String radiusKm, @QueryParam("q") String q,
                                          @QueryParam("page") String page, @QueryParam("size") String size) {
        PageRequest paging = Paging.of(page, size);
        CatalogSearch search = new CatalogSearch(number(lat, "lat"), number(lng, "lng"), number(radiusKm, "radiusKm"),
                q == null || q.isBlank() ? null : q.strip(), paging.page(), paging.size());
        return CatalogPageDto.of(catalog.search(search));
    }

    @GET
    @Path("{id}")
    public CatalogDealDto deal(@PathParam("id") String id) {
        return CatalogDealDto.detail(catalog.deal(id));
    }

    /** The deal's reviews with the merchant's replies, newest first. */
    @GET
    @Path("{id}/reviews")
    public PageDto<PublicReviewDto> reviews(@PathParam("id") String id, @QueryParam("page") String page,
                                            @QueryParam("size") String size) {
        return PageDto.of(catalog.reviews(id, Paging.of(page, size)), PublicReviewDto::of);
    }

    private static Double number(String text, String field) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            double value = Double.parseDouble(text.strip());
            if (Double.isNaN(value) || Double.isInfinite(value)) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw new InvalidInput(field, "number");
        }
    }
}
