package io.groupdeal.interfaces.rest.settlement;

import io.groupdeal.application.settlement.SettlementService;
import io.groupdeal.application.settlement.Statement;
import io.groupdeal.interfaces.csv.StatementCsv;
import io.groupdeal.interfaces.problem.ProblemWords;
import io.groupdeal.interfaces.rest.CsvAttachment;
import io.groupdeal.interfaces.rest.PeriodQuery;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

/** {@code /settlements} (MERCHANT_ADMIN, own business) and {@code /platform/settlements} (PLATFORM_ADMIN, every tenant). */
@ApplicationScoped
@Path("v1")
public class SettlementResource {

    private static final Jsonb JSON = JsonbBuilder.create();

    @EJB
    private SettlementService settlements;

    @GET
    @Path("settlements")
    @Produces(MediaType.APPLICATION_JSON)
    public StatementDto own(@BeanParam PeriodQuery period) {
        return StatementDto.of(settlements.own(period.from(), period.to()));
    }

    @GET
    @Path("settlements.csv")
    @Produces("text/csv")
    public Response ownCsv(@BeanParam PeriodQuery period, @HeaderParam("Accept-Language") String acceptLanguage) {
        Statement own = settlements.own(period.from(), period.to());
        return CsvAttachment.of(
                StatementCsv.of(List.of(own), ProblemWords.language(acceptLanguage)),
                "settlement-" + period.from() + "-" + period.to() + ".csv");
    }

    /**
     * Every tenant's statement, streamed a page of tenants at a time (each page its own short read), so that the
     * answer holds every tenant however many there are without holding them all in memory.
     */
    @GET
    @Path("platform/settlements")
    @Produces(MediaType.APPLICATION_JSON)
    public Response all(@BeanParam PeriodQuery period) {
        Pages pages = pages(period.from(), period.to());
        StreamingOutput body = out -> {
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            writer.write("{\"items\":[");
            boolean first = true;
            for (List<Statement> page = pages.first(); !page.isEmpty(); page = pages.next(page)) {
                for (Statement statement : page) {
                    writer.write(first ? "" : ",");
                    writer.write(JSON.toJson(StatementDto.of(statement)));
                    first = false;
                }
                writer.flush();
            }
            writer.write("]}");
            writer.flush();
        };
        return Response.ok(body, MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8"))
                .build();
    }

    @GET
    @Path("platform/settlements.csv")
    @Produces("text/csv")
    public Response allCsv(@BeanParam PeriodQuery period, @HeaderParam("Accept-Language") String acceptLanguage) {
        Pages pages = pages(period.from(), period.to());
        String header = StatementCsv.header(ProblemWords.language(acceptLanguage));
        StreamingOutput body = out -> {
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            writer.write(header);
            for (List<Statement> page = pages.first(); !page.isEmpty(); page = pages.next(page)) {
                writer.write(StatementCsv.lines(page));
                writer.flush();
            }
        };
        return CsvAttachment.of(body, "settlements-" + period.from() + "-" + period.to() + ".csv");
    }

    /** The operator's statements page by page; the period is checked before anything is written. */
    private Pages pages(LocalDate start, LocalDate end) {
        List<Statement> first = page(start, end, null);
        return new Pages() {
            @Override
            public List<Statement> first() {
                return first;
            }

            @Override
            public List<Statement> next(List<Statement> previous) {
                return previous.size() < SettlementService.TENANTS_PER_PAGE
                        ? List.of()
                        : page(start, end, previous.get(previous.size() - 1).tenantId());
            }
        };
    }

    private List<Statement> page(LocalDate from, LocalDate to, String after) {
        return settlements.allAfter(from, to, after, SettlementService.TENANTS_PER_PAGE);
    }

    private interface Pages {
        List<Statement> first();

        List<Statement> next(List<Statement> previous);
    }
}
