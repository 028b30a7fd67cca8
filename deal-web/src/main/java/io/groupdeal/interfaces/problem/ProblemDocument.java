package io.groupdeal.interfaces.problem;

import io.groupdeal.application.problem.Problem;
import io.groupdeal.application.problem.Reason;
import io.groupdeal.domain.shared.Language;
import io.groupdeal.interfaces.problem.ProblemWords.FieldMessage;
import io.groupdeal.interfaces.problem.ProblemWords.Worded;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An RFC 9457 problem document. {@code type} is {@code /problems/<name>}; {@code errors} only for validation. The
 * title, detail and error messages are in the reader's language ({@link ProblemWords}); nothing else is.
 */
@JsonbPropertyOrder({"type", "title", "status", "detail", "errors"})
public record ProblemDocument(String type, String title, int status, String detail, List<FieldMessage> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final MediaType PROBLEM_JSON = MediaType.valueOf(MEDIA_TYPE);

    /** A problem of the interfaces themselves, worded by its name ({@code detail.<name>}) with {@code args}. */
    public static ProblemDocument of(int status, String name, Language language, Object... args) {
        return of(status, name, Reason.of(name, args), language);
    }

    /** A problem of the interfaces with a detail of its own ({@code internal-error.incident}). */
    public static ProblemDocument of(int status, String name, Reason reason, Language language) {
        return new ProblemDocument(
                "/problems/" + name,
                ProblemWords.title(name, language),
                status,
                ProblemWords.detail(reason, language),
                null);
    }

    /** An application's problem, worded for the reader. */
    public static ProblemDocument of(Problem problem, int status, Language language) {
        Worded worded = ProblemWords.word(problem, language);
        return new ProblemDocument(
                "/problems/" + problem.type(),
                worded.title(),
                status,
                worded.detail(),
                worded.errors().isEmpty() ? null : worded.errors());
    }

    /** The language a request asked for in its {@code Accept-Language} (English when none the product speaks). */
    public static Language language(HttpHeaders headers) {
        try {
            return ProblemWords.language(headers == null ? null : headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE));
        } catch (RuntimeException outsideRequest) {
            return Language.EN;
        }
    }

    public Response toResponse() {
        return toResponse(Map.of());
    }

    /** The answer, with extension members (such as {@code redeemedAt}) beside the standard ones. */
    public Response toResponse(Map<String, Object> extensions) {
        Object entity = this;
        if (!extensions.isEmpty()) {
            Map<String, Object> members = new LinkedHashMap<>();
            members.put("type", type);
            members.put("title", title);
            members.put("status", status);
            members.put("detail", detail);
            if (errors != null) {
                members.put("errors", errors);
            }
            members.putAll(extensions);
            entity = members;
        }
        return Response.status(status).type(PROBLEM_JSON).entity(entity).build();
    }
}
