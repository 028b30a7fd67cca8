package io.groupdeal.interfaces.rest.report;

import io.groupdeal.application.report.DashboardService;
import io.groupdeal.domain.report.Dashboard;
import io.groupdeal.interfaces.csv.DashboardCsv;
import io.groupdeal.interfaces.problem.ProblemWords;
import io.groupdeal.interfaces.rest.CsvAttachment;
import io.groupdeal.interfaces.rest.PeriodQuery;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** {@code /dashboard?from=&to=} (MERCHANT_ADMIN): the business's figures of a period, and the same as CSV. */
@ApplicationScoped
@Path("v1")
public class DashboardResource {

    @EJB
    private DashboardService dashboards;

    @GET
    @Path("dashboard")
    @Produces(MediaType.APPLICATION_JSON)
    public DashboardDto dashboard(@BeanParam PeriodQuery period) {
        return DashboardDto.of(dashboards.of(period.from(), period.to()));
    }

    @GET
    @Path("dashboard.csv")
    @Produces("text/csv")
    public Response csv(@BeanParam PeriodQuery period, @HeaderParam("Accept-Language") String acceptLanguage) {
        Dashboard dashboard = dashboards.of(period.from(), period.to());
        return CsvAttachment.of(
                DashboardCsv.of(dashboard, ProblemWords.language(acceptLanguage)),
                "dashboard-" + dashboard.from() + "-" + dashboard.to() + ".csv");
    }
}
