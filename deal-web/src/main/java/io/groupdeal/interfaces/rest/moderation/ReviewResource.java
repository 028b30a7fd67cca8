package io.groupdeal.interfaces.rest.moderation;

import io.groupdeal.application.moderation.ModerationService;
import io.groupdeal.interfaces.rest.RequestBodies;
import io.groupdeal.interfaces.rest.deal.DealDto;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The operator's decision on a deal in review: approve (published or scheduled) or reject with a reason (a draft again). */
@ApplicationScoped
@Path("v1/platform/deals")
@Produces(MediaType.APPLICATION_JSON)
public class ReviewResource {

    @EJB
    private ModerationService moderation;

    @Inject
    private RequestBodies bodies;

    @POST
    @Path("{id}/approve")
    public DealDto approve(@PathParam("id") String id) {
        return DealDto.of(moderation.approve(id));
    }

    @POST
    @Path("{id}/reject")
    @Consumes(MediaType.APPLICATION_JSON)
    public DealDto reject(@PathParam("id") String id, RejectRequest body) {
        bodies.valid(body);
        return DealDto.of(moderation.reject(id, body.reason()));
    }
}
