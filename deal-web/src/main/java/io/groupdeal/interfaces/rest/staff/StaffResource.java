package io.groupdeal.interfaces.rest.staff;

import io.groupdeal.application.staff.StaffService;
import io.groupdeal.application.staff.StaffView;
import io.groupdeal.interfaces.rest.Created;
import io.groupdeal.interfaces.rest.PageDto;
import io.groupdeal.interfaces.rest.Paging;
import io.groupdeal.interfaces.rest.RequestBodies;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

@ApplicationScoped
@Path("v1/staff")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class StaffResource {

    @EJB
    private StaffService staff;

    @Inject
    private RequestBodies bodies;

    @GET
    public PageDto<StaffDto> list(@BeanParam Paging paging) {
        return PageDto.of(staff.list(paging.request()), StaffDto::of);
    }

    @POST
    public Response create(StaffDto body, @Context UriInfo uri) {
        bodies.valid(body);
        StaffView created = staff.create(body.details());
        return Created.at(uri, created.id(), StaffDto.of(created));
    }

    @GET
    @Path("{id}")
    public StaffDto get(@PathParam("id") String id) {
        return StaffDto.of(staff.get(id));
    }

    @PUT
    @Path("{id}")
    public StaffDto update(@PathParam("id") String id, StaffDto body) {
        bodies.valid(body);
        return StaffDto.of(staff.update(id, body.details()));
    }

    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") String id) {
        staff.delete(id);
        return Response.noContent().build();
    }
}
