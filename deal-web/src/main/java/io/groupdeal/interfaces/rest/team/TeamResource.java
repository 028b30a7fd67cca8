package io.groupdeal.interfaces.rest.team;

import io.groupdeal.application.team.TeamService;
import io.groupdeal.application.team.TeamView;
import io.groupdeal.interfaces.rest.Created;
import io.groupdeal.interfaces.rest.RequestBodies;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/** Team buys (拼团). One instance for all requests: it holds only proxies. */
@ApplicationScoped
@Path("v1/teams")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TeamResource {

    @EJB
    private TeamService teams;

    @Inject
    private RequestBodies bodies;

    /** 201 with the new team, the caller its first member; the same key and body again answer the same team. */
    @POST
    public Response start(
            @HeaderParam("Idempotency-Key") String idempotencyKey, TeamRequest body, @Context UriInfo uri) {
        bodies.valid(body);
        TeamView started = teams.start(idempotencyKey, body == null ? null : body.toStartTeam());
        return Created.at(uri, started.team().id(), TeamDto.of(started));
    }

    /** 201 with the team the caller joined. */
    @POST
    @Path("{id}/members")
    public Response join(
            @HeaderParam("Idempotency-Key") String idempotencyKey,
            @PathParam("id") String id,
            JoinRequest body,
            @Context UriInfo uri) {
        bodies.valid(body);
        TeamView joined = teams.join(idempotencyKey, id, body == null ? null : body.toJoinTeam());
        return Response.created(uri.getBaseUriBuilder()
                        .path("v1/teams")
                        .path(joined.team().id())
                        .build())
                .entity(TeamDto.of(joined))
                .build();
    }

    @GET
    @Path("{id}")
    public TeamDto get(@PathParam("id") String id) {
        return TeamDto.of(teams.get(id));
    }

    /** A merchant's teams of one of its deals. */
    @GET
    public DealTeamsDto ofDeal(@QueryParam("dealId") String dealId) {
        return DealTeamsDto.of(teams.ofDeal(dealId));
    }
}
