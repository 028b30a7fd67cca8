package io.groupdeal.interfaces.rest.moderation;

import io.groupdeal.application.moderation.ModerationService;
import io.groupdeal.interfaces.rest.PageDto;
import io.groupdeal.interfaces.rest.Paging;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The operator's queue: deals of moderated tenants waiting for review, longest waiting first. */
@ApplicationScoped
@Path("v1/platform/moderation")
@Produces(MediaType.APPLICATION_JSON)
public class ModerationResource {

    @EJB
    private ModerationService moderation;

    @GET
    public PageDto<ReviewDealDto> queue(@BeanParam Paging paging) {
        return PageDto.of(moderation.queue(paging.request()), ReviewDealDto::of);
    }
}
