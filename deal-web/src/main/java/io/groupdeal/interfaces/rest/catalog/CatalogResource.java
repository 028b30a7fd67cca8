package io.groupdeal.interfaces.rest.catalog;

import io.groupdeal.application.PageRequest;
import io.groupdeal.application.catalog.CatalogService;
import io.groupdeal.domain.catalog.CatalogSearch;
import io.groupdeal.interfaces.rest.PageDto;
import io.groupdeal.interfaces.rest.Paging;
import io.groupdeal.interfaces.rest.review.PublicReviewDto;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.BeanParam;
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

    @EJB
    private CatalogService catalog;

    @GET
    public CatalogPageDto search(
            @QueryParam("lat") Double lat,
            @QueryParam("lng") Double lng,
            @QueryParam("radiusKm") Double radiusKm,
            @QueryParam("q") String q,
            @BeanParam Paging paging) {
        PageRequest page = paging.request();
        CatalogSearch search = new CatalogSearch(
                lat, lng, radiusKm, q == null || q.isBlank() ? null : q.strip(), page.page(), page.size());
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
    public PageDto<PublicReviewDto> reviews(@PathParam("id") String id, @BeanParam Paging paging) {
        return PageDto.of(catalog.reviews(id, paging.request()), PublicReviewDto::of);
    }
}
