package io.groupdeal.interfaces.rest.review;

import io.groupdeal.application.review.MerchantReviews;
import io.groupdeal.application.review.ReviewService;
import io.groupdeal.domain.review.Review;
import io.groupdeal.interfaces.rest.Created;
import io.groupdeal.interfaces.rest.PageDto;
import io.groupdeal.interfaces.rest.Paging;
import io.groupdeal.interfaces.rest.QueryParams.WholeNumberBetween;
import io.groupdeal.interfaces.rest.RequestBodies;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** {@code /reviews}: a buyer writes one (BUYER); a merchant lists its deals' reviews and replies (MERCHANT_ADMIN). */
@ApplicationScoped
@Path("v1/reviews")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ReviewResource {

    @EJB
    private ReviewService buyers;

    @EJB
    private MerchantReviews merchants;

    @Inject
    private RequestBodies bodies;

    @POST
    public Response write(ReviewRequest body) {
        bodies.valid(body);
        Review review = buyers.write(body.couponCode(), body.rating(), body.comment());
        return Created.unaddressed(ReviewDto.of(review));
    }

    @GET
    public PageDto<ReviewDto> list(
            @QueryParam("dealId") String dealId,
            @QueryParam("rating") @WholeNumberBetween(min = 1, max = 5) Integer rating,
            @BeanParam Paging paging) {
        return PageDto.of(merchants.list(dealId, rating, paging.request()), ReviewDto::of);
    }

    @POST
    @Path("{id}/reply")
    public ReviewDto reply(@PathParam("id") String id, ReplyRequest body) {
        bodies.valid(body);
        return ReviewDto.of(merchants.reply(id, body.text()));
    }
}
