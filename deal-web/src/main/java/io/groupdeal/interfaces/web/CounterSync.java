package io.groupdeal.interfaces.web;

import io.groupdeal.application.counter.OfflineCounter;
import io.groupdeal.application.counter.RedeemableList;
import io.groupdeal.application.problem.InvalidInput;
import io.groupdeal.application.problem.NotPermitted;
import io.groupdeal.application.problem.Problem;
import io.groupdeal.application.problem.Reason;
import io.groupdeal.interfaces.problem.ProblemWriter;
import jakarta.ejb.EJB;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * The counter page's own two calls, made by its script with the page's login cookie (the API wants a bearer token,
 * which a page's script never sees): the store's list of hashes of redeemable codes ({@code GET
 * /counter/offline/redeemable?store=}) and the sending of one redemption made offline ({@code POST
 * /counter/offline/redemptions}, JSON {@code {clientId, code, storeId, redeemedOfflineAt}}). Both call the same boundary
 * as the API ({@link OfflineCounter}) and answer its problems as the API does. A POST must be JSON and carry {@code
 * X-Counter: 1}: another site's page can send neither without a preflight this server never allows, so a login cookie
 * cannot be used from elsewhere (no cross-site request forgery).
 */
@WebServlet(urlPatterns = {"/counter/offline/redeemable", "/counter/offline/redemptions"})
public class CounterSync extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @EJB
    private transient OfflineCounter offline;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!request.getServletPath().endsWith("/redeemable")) {
            response.sendError(405);
            return;
        }
        try {
            RedeemableList list = offline.redeemable(request.getParameter("store"));
            JsonArrayBuilder hashes = Json.createArrayBuilder();
            list.hashes().forEach(hashes::add);
            json(
                    response,
                    200,
                    Json.createObjectBuilder()
                            .add("storeId", list.storeId())
                            .add("algorithm", list.algorithm())
                            .add("salt", list.salt())
                            .add("iterations", list.iterations())
                            .add("createdAt", list.createdAt().toString())
                            .add("expiresAt", list.expiresAt().toString())
                            .add("hashes", hashes)
                            .build());
        } catch (Problem refused) {
            ProblemWriter.write(request, response, refused);
        }
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!request.getServletPath().endsWith("/redemptions")) {
            response.sendError(405);
            return;
        }
        String type = request.getContentType();
        if (!"1".equals(request.getHeader("X-Counter")) || type == null || !type.startsWith("application/json")) {
            ProblemWriter.write(request, response, new NotPermitted("forbidden", Reason.of("forbidden.counter-page")));
            return;
        }
        JsonObject body;
        try (JsonReader reader = Json.createReader(request.getReader())) {
            JsonValue value = reader.readValue();
            if (value.getValueType() != JsonValue.ValueType.OBJECT) {
                throw new JsonException("not an object");
            }
            body = value.asJsonObject();
        } catch (JsonException | IllegalStateException e) {
            ProblemWriter.write(request, response, 400, "malformed-request");
            return;
        }
        String clientId = text(body, "clientId");
        String code = text(body, "code");
        String storeId = text(body, "storeId");
        String at = text(body, "redeemedOfflineAt");
        Instant redeemedAt;
        try {
            redeemedAt = at == null ? null : Instant.parse(at);
        } catch (DateTimeParseException e) {
            redeemedAt = null;
        }
        if (clientId == null || code == null || code.length() > 64 || redeemedAt == null) {
            ProblemWriter.write(
                    request,
                    response,
                    new InvalidInput("validation", Reason.of("validation.offline-redemption"), List.of()));
            return;
        }
        try {
            OfflineCounter.Synced synced = offline.sync(clientId, code, storeId, redeemedAt);
            if (synced.doubleUse() != null) {
                ProblemWriter.write(request, response, OfflineCounter.problem(synced.doubleUse()));
                return;
            }
            json(
                    response,
                    201,
                    Json.createObjectBuilder()
                            .add("id", synced.redemption().id())
                            .add("code", synced.redemption().code())
                            .add("dealTitle", synced.redemption().dealTitle())
                            .build());
        } catch (Problem refused) {
            ProblemWriter.write(request, response, refused);
        }
    }

    private static String text(JsonObject body, String name) {
        JsonValue value = body.get(name);
        return value instanceof JsonString string && !string.getString().isBlank() ? string.getString() : null;
    }

    private static void json(HttpServletResponse response, int status, JsonObject body) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(body.toString());
    }
}
