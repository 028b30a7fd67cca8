package io.groupdeal.interfaces.rest.problem;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** JAX-RS's own refusals (unknown path, wrong method, media type, unreadable body) as problems. */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

    @Override
    public Response toResponse(WebApplicationException exception) {
        int status = exception.getResponse().getStatus();
        ProblemDocument problem = switch (status) {
            case 400 -> ProblemDocument.of(400, "malformed-request", "Malformed request",
                    "The request body is not valid JSON of the expected shape.");
            case 401 -> ProblemDocument.of(401, "unauthorized", "Unauthorized", "Log in first: send a bearer token.");
            case 403 -> ProblemDocument.of(403, "forbidden", "Forbidden", "Your role may not do this.");
            case 404 -> ProblemDocument.of(404, "not-found", "Not found", "There is nothing at this address.");
            case 405 -> ProblemDocument.of(405, "method-not-allowed", "Method not allowed", "This address does not accept this method.");
            case 406 -> ProblemDocument.of(406, "not-acceptable", "Not acceptable", "This resource answers in JSON.");
            case 413 -> ProblemDocument.of(413, "too-large", "Payload too large", "The request body is too large.");
            case 415 -> ProblemDocument.of(415, "unsupported-media-type", "Unsupported media type", "Send application/json.");
            default -> status >= 500
                    ? ProblemDocument.of(500, "internal-error", "Internal error", "Something went wrong on our side.")
                    : ProblemDocument.of(status, "bad-request", "Bad request", "The request cannot be processed.");
        };
        String allow = exception.getResponse().getHeaderString("Allow");
        Response response = problem.toResponse();
        return allow == null ? response : Response.fromResponse(response).header("Allow", allow).build();
    }
}
