package io.groupdeal.interfaces.rest.settlement;

import io.groupdeal.application.settlement.SettlementService;
import io.groupdeal.application.settlement.Statement;
import io.groupdeal.domain.shared.Language;
import io.groupdeal.interfaces.csv.StatementCsv;
import io.groupdeal.interfaces.problem.ProblemWords;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
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

    @Inject
    private SettlementService settlements;

    @GET
    @Path("settlements")
    @Produces(MediaType.APPLICATION_JSON)
    public StatementDto own(@QueryParam("from") LocalDate from, @QueryParam("to") LocalDate to) {
        return StatementDto.of(settlements.own(from, to));
    }

    @GET
    @Path("settlements.csv")
    @Produces("text/csv")
    public Response ownCsv(
            @QueryParam("from") LocalDate from,
            @QueryParam("to") LocalDate to,
            @HeaderParam("Accept-Language") String acceptLanguage) {
        return csv(
                List.of(settlements.own(from, to)),
                "settlement-" + from + "-" + to + ".csv",
                ProblemWords.language(acceptLanguage));
    }

    /**
     * Every tenant's statement, streamed a page of tenants at a time (each page its own short read), so that the
     * answer holds every tenant however many there are without holding them all in memory.
     */
    @GET
    @Path("platform/settlements")
    @Produces(MediaType.APPLICATION_JSON)
    public Response all(@QueryParam("from") LocalDate from, @QueryParam("to") LocalDate to) {
        Pages pages = pages(from, to);
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
    public Response allCsv(
            @QueryParam("from") LocalDate from,
            @QueryParam("to") LocalDate to,
            @HeaderParam("Accept-Language") String acceptLanguage) {
        Pages pages = pages(from, to);
        String header = StatementCsv.header(ProblemWords.language(acceptLanguage));
        StreamingOutput body = out -> {
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            writer.write(header);
            for (List<Statement> page = pages.first(); !page.isEmpty(); page = pages.next(page)) {
                writer.write(StatementCsv.lines(page));
                writer.flush();
            }
        };
        return Response.ok(body, "text/csv; charset=UTF-8")
                .header("Content-Disposition", disposition("settlements-" + from + "-" + to + ".csv"))
                .build();
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

    private static Response csv(List<Statement> statements, String filename, Language language) {
        return Response.ok(StatementCsv.of(statements, language), "text/csv; charset=UTF-8")
                .header("Content-Disposition", disposition(filename))
                .build();
    }

    private static String disposition(String filename) {
        return "attachment; filename=\"" + filename.replaceAll("[^A-Za-z0-9.-]", "_") + "\"";
    }
}
