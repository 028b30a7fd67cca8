package io.groupdeal.interfaces.rest.order;

import io.groupdeal.application.order.OrderService;
import io.groupdeal.application.order.OrderView;
import io.groupdeal.interfaces.rest.Created;
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
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/** One instance for all requests (it holds only proxies): no resource object and no injection per purchase. */
@ApplicationScoped
@Path("v1/orders")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class OrderResource {

    @EJB
    private OrderService orders;

    @Inject
    private RequestBodies bodies;

    /** 201 with the order; the same key and body again answer the same order. */
    @POST
    public Response place(
            @HeaderParam("Idempotency-Key") String idempotencyKey, OrderRequest body, @Context UriInfo uri) {
        bodies.valid(body);
        OrderView placed = orders.place(idempotencyKey, body.toPlaceOrder());
        return Created.at(uri, placed.order().id(), OrderDto.of(placed));
    }

    @GET
    public PageDto<OrderDto> list(@BeanParam Paging paging) {
        return PageDto.of(orders.list(paging.request()), OrderDto::of);
    }

    @GET
    @Path("{id}")
    public OrderDto get(@PathParam("id") String id) {
        return OrderDto.of(orders.get(id));
    }
}
