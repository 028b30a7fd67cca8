package io.groupdeal.interfaces.rest.problem;

import io.groupdeal.application.problem.InvalidInput.FieldError;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An RFC 9457 problem document. {@code type} is {@code /problems/<name>}; {@code errors} only for validation. */
@JsonbPropertyOrder({"type", "title", "status", "detail", "errors"})
public record ProblemDocument(String type, String title, int status, String detail, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final MediaType PROBLEM_JSON = MediaType.valueOf(MEDIA_TYPE);

    public static ProblemDocument of(int status, String name, String title, String detail) {
        return new ProblemDocument("/problems/" + name, title, status, detail, null);
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
