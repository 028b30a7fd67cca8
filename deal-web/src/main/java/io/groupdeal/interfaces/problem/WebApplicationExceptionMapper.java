package io.groupdeal.interfaces.problem;

import io.groupdeal.application.problem.Problem;
import io.groupdeal.domain.shared.Language;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * JAX-RS's own refusals (unknown path, wrong method, media type, unreadable body) as problems; a parameter that did
 * not convert answers the problem its converter raised.
 */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

    @Context
    private HttpHeaders headers;

    @Override
    public Response toResponse(WebApplicationException exception) {
        if (exception.getCause() instanceof Problem refused) {
            // a parameter JAX-RS could not convert: our converter's refusal (QueryParams), wrapped in JAX-RS's 404
            return ProblemMapper.document(refused, ProblemDocument.language(headers))
                    .toResponse(refused.extensions());
        }
        int status = exception.getResponse().getStatus();
        Language language = ProblemDocument.language(headers);
        ProblemDocument problem = switch (status) {
            case 400 -> ProblemDocument.of(400, "malformed-request", language);
            case 401 -> ProblemDocument.of(401, "unauthorized", language);
            case 403 -> ProblemDocument.of(403, "forbidden", language);
            case 404 -> ProblemDocument.of(404, "not-found", language);
            case 405 -> ProblemDocument.of(405, "method-not-allowed", language);
            case 406 -> ProblemDocument.of(406, "not-acceptable", language);
            case 413 -> ProblemDocument.of(413, "too-large", language);
            case 415 -> ProblemDocument.of(415, "unsupported-media-type", language);
            default ->
                status >= 500
                        ? ProblemDocument.of(500, "internal-error", language)
                        : ProblemDocument.of(status, "bad-request", language);
        };
        String allow = exception.getResponse().getHeaderString("Allow");
        Response response = problem.toResponse();
        return allow == null
                ? response
                : Response.fromResponse(response).header("Allow", allow).build();
    }
}
