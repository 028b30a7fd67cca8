package io.groupdeal.interfaces.rest.settlement;

import io.groupdeal.application.settlement.SettlementService;
import io.groupdeal.interfaces.rest.DateParam;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;

/** {@code /settlements} (MERCHANT_ADMIN, own business) and {@code /platform/settlements} (PLATFORM_ADMIN, every tenant). */
@Path("v1")
public class SettlementResource {

    @Inject
    private SettlementService settlements;

    @GET
    @Path("settlements")
    @Produces(MediaType.APPLICATION_JSON)
    public StatementDto own(@QueryParam("from") String from, @QueryParam("to") String to) {
        return StatementDto.of(settlements.own(DateParam.parse(from, "from"), DateParam.parse(to, "to")));
    }

    @GET
    @Path("settlements.csv")
    @Produces("text/csv")
    public Response ownCsv(@QueryParam("from") String from, @QueryParam("to") String to) {
        return csv(List.of(own(from, to)), "settlement-" + from + "-" + to + ".csv");
    }

    @GET
    @Path("platform/settlements")
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, List<StatementDto>> all(@QueryParam("from") String from, @QueryParam("to") String to) {
        return Map.of("items", settlements.all(DateParam.parse(from, "from"), DateParam.parse(to, "to")).stream()
                .map(StatementDto::of).toList());
    }

    @GET
    @Path("platform/settlements.csv")
    @Produces("text/csv")
    public Response allCsv(@QueryParam("from") String from, @QueryParam("to") String to) {
        return csv(all(from, to).get("items"), "settlements-" + from + "-" + to + ".csv");
    }

    private static Response csv(List<StatementDto> statements, String filename) {
        return Response.ok(StatementDto.csv(statements), "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"" + filename.replaceAll("[^A-Za-z0-9.-]", "_") + "\"").build();
    }
}
