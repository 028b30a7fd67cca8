package io.groupdeal.interfaces.rest.store;

import io.groupdeal.application.store.StoreService;
import io.groupdeal.domain.store.Store;
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
@Path("v1/stores")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class StoreResource {

    @EJB
    private StoreService stores;

    @Inject
    private RequestBodies bodies;

    @GET
    public PageDto<StoreDto> list(@BeanParam Paging paging) {
        return PageDto.of(stores.list(paging.request()), StoreDto::of);
    }

    @POST
    public Response create(StoreDto body, @Context UriInfo uri) {
        bodies.valid(body);
        Store store = stores.create(body.details());
        return Created.at(uri, store.id(), StoreDto.of(store));
    }

    @GET
    @Path("{id}")
    public StoreDto get(@PathParam("id") String id) {
        return StoreDto.of(stores.get(id));
    }

    @PUT
    @Path("{id}")
    public StoreDto update(@PathParam("id") String id, StoreDto body) {
        bodies.valid(body);
        return StoreDto.of(stores.update(id, body.details()));
    }

    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") String id) {
        stores.delete(id);
        return Response.noContent().build();
    }
}
