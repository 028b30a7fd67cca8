package io.groupdeal.interfaces.problem;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** A body that JSON-B cannot read: broken JSON or a value of the wrong type. Never echoes parser internals. */
@Provider
public class UnreadableBodyMapper implements ExceptionMapper<ProcessingException> {

    @Context
    private HttpHeaders headers;

    @Override
    public Response toResponse(ProcessingException exception) {
        return ProblemDocument.of(400, "malformed-request", ProblemDocument.language(headers))
                .toResponse();
    }
}
