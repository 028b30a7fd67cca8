package io.groupdeal.interfaces.rest.account;

import io.groupdeal.application.account.AccountService;
import io.groupdeal.interfaces.rest.Created;
import io.groupdeal.interfaces.rest.RequestBodies;
import io.groupdeal.interfaces.rest.account.AccountDtos.MeDto;
import io.groupdeal.interfaces.rest.account.AccountDtos.TokenDto;
import io.groupdeal.interfaces.rest.account.AccountDtos.TokenRequest;
import io.groupdeal.interfaces.security.ClientAddress;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Log in (a token), log out (revoke it), and who am I. */
@ApplicationScoped
@Path("v1")
@Produces(MediaType.APPLICATION_JSON)
public class TokenResource {

    @EJB
    private AccountService accounts;

    @Inject
    private RequestBodies bodies;

    @Inject
    private ClientAddress clientAddress;

    @POST
    @Path("auth/tokens")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response logIn(TokenRequest body, @Context HttpServletRequest request) {
        bodies.valid(body);
        return Created.unaddressed(
                TokenDto.of(accounts.logIn(body.email(), body.password(), clientAddress.of(request))));
    }

    @DELETE
    @Path("auth/tokens/current")
    public Response logOut(
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @Context HttpServletRequest request) {
        accounts.me();
        accounts.logOut(authorization.substring("Bearer ".length()).strip());
        // A browser that calls the API also ends the HTTP session it holds (the pages' view state).
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        return Response.noContent().build();
    }

    @GET
    @Path("me")
    public MeDto me() {
        return MeDto.of(accounts.me());
    }
}
