package io.groupdeal.interfaces.rest.platform;

import io.groupdeal.application.platform.PlatformService;
import io.groupdeal.interfaces.rest.PageDto;
import io.groupdeal.interfaces.rest.Paging;
import io.groupdeal.interfaces.rest.RequestBodies;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

@ApplicationScoped
@Path("v1/platform/tenants")
@Produces(MediaType.APPLICATION_JSON)
public class PlatformResource {

    @EJB
    private PlatformService platform;

    @Inject
    private RequestBodies bodies;

    @GET
    public PageDto<TenantDto> tenants(@BeanParam Paging paging) {
        return PageDto.of(platform.tenants(paging.request()), TenantDto::of);
    }

    @POST
    @Path("{id}/suspend")
    public TenantDto suspend(@PathParam("id") String id) {
        return TenantDto.of(platform.suspend(id));
    }

    @POST
    @Path("{id}/activate")
    public TenantDto activate(@PathParam("id") String id) {
        return TenantDto.of(platform.activate(id));
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public TenantDto update(@PathParam("id") String id, CommissionRequest body) {
        bodies.valid(body);
        return TenantDto.of(platform.change(id, body.commissionRate(), body.moderated()));
    }
}
