package io.groupdeal.interfaces.rest;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/** The answer to a POST that made a resource in the collection it was sent to: 201, its address, and the resource. */
public final class Created {

    private Created() {}

    /** 201 with {@code Location} the request's address and {@code id} under it, and {@code entity} as the body. */
    public static Response at(UriInfo uri, String id, Object entity) {
        return Response.created(uri.getAbsolutePathBuilder().path(id).build())
                .entity(entity)
                .build();
    }

    /** 201 with {@code entity}, made where it has no address of its own to name (an account, a token, a review). */
    public static Response unaddressed(Object entity) {
        return Response.status(Response.Status.CREATED).entity(entity).build();
    }
}
