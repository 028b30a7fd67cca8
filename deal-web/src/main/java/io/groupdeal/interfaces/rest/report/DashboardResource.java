package io.groupdeal.interfaces.rest.report;

import io.groupdeal.application.report.DashboardService;
import io.groupdeal.domain.report.Dashboard;
import io.groupdeal.interfaces.csv.DashboardCsv;
import io.groupdeal.interfaces.problem.ProblemWords;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;

/** {@code /dashboard?from=&to=} (MERCHANT_ADMIN): the business's figures of a period, and the same as CSV. */
@ApplicationScoped
@Path("v1")
public class DashboardResource {

    @Inject
    private DashboardService dashboards;

    @GET
    @Path("dashboard")
    @Produces(MediaType.APPLICATION_JSON)
    public DashboardDto dashboard(@QueryParam("from") LocalDate from, @QueryParam("to") LocalDate to) {
        return DashboardDto.of(dashboards.of(from, to));
    }

    @GET
    @Path("dashboard.csv")
    @Produces("text/csv")
    public Response csv(
            @QueryParam("from") LocalDate from,
            @QueryParam("to") LocalDate to,
            @HeaderParam("Accept-Language") String acceptLanguage) {
        Dashboard dashboard = dashboards.of(from, to);
        return Response.ok(DashboardCsv.of(dashboard, ProblemWords.language(acceptLanguage)), "text/csv; charset=UTF-8")
                .header(
                        "Content-Disposition",
                        "attachment; filename=\"dashboard-" + dashboard.from() + "-" + dashboard.to() + ".csv\"")
                .build();
    }
}
