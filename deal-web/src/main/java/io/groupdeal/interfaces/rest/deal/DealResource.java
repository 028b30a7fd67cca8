package io.groupdeal.interfaces.rest.deal;

import io.groupdeal.application.deal.DealService;
import io.groupdeal.application.deal.DealView;
import io.groupdeal.domain.deal.DealStatus;
import io.groupdeal.interfaces.csv.ReportCsv;
import io.groupdeal.interfaces.problem.ProblemWords;
import io.groupdeal.interfaces.rest.Created;
import io.groupdeal.interfaces.rest.CsvAttachment;
import io.groupdeal.interfaces.rest.PageDto;
import io.groupdeal.interfaces.rest.Paging;
import io.groupdeal.interfaces.rest.RequestBodies;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

@ApplicationScoped
@Path("v1/deals")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class DealResource {

    @EJB
    private DealService deals;

    @Inject
    private RequestBodies bodies;

    @GET
    public PageDto<DealDto> list(@BeanParam Paging paging, @QueryParam("status") DealStatus status) {
        return PageDto.of(deals.list(paging.request(), status), DealDto::of);
    }

    @POST
    public Response create(DealRequest body, @Context UriInfo uri) {
        bodies.valid(body);
        DealView created = deals.create(body.terms(), body.optionTerms(), body.storeIds(), body.team());
        return Created.at(uri, created.deal().id(), DealDto.of(created));
    }

    @GET
    @Path("{id}")
    public DealDto get(@PathParam("id") String id) {
        return DealDto.of(deals.get(id));
    }

    @PUT
    @Path("{id}")
    public DealDto update(@PathParam("id") String id, DealRequest body) {
        bodies.valid(body);
        return DealDto.of(deals.update(id, body.terms(), body.optionTerms(), body.storeIds(), body.team()));
    }

    @POST
    @Path("{id}/publish")
    public DealDto publish(@PathParam("id") String id) {
        return DealDto.of(deals.publish(id));
    }

    @POST
    @Path("{id}/cancel")
    public DealDto cancel(@PathParam("id") String id) {
        return DealDto.of(deals.cancel(id));
    }

    @GET
    @Path("{id}/report")
    public ReportDto report(@PathParam("id") String id) {
        return ReportDto.of(deals.report(id), deals.get(id).deal().currency());
    }

    @GET
    @Path("{id}/report.csv")
    @Produces("text/csv")
    public Response reportCsv(@PathParam("id") String id, @HeaderParam("Accept-Language") String acceptLanguage) {
        String csv =
                ReportCsv.of(deals.report(id), deals.get(id).deal().currency(), ProblemWords.language(acceptLanguage));
        return CsvAttachment.of(csv, "deal-" + id + "-report.csv");
    }
}
