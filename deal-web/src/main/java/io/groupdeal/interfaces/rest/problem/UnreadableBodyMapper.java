package io.groupdeal.interfaces.rest.problem;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** A body that JSON-B cannot read: broken JSON or a value of the wrong type. Never echoes parser internals. */
@Provider
public class UnreadableBodyMapper implements ExceptionMapper<ProcessingException> {

    @Override
    public Response toResponse(ProcessingException exception) {
        return ProblemDocument.of(400, "malformed-request", "Malformed request",
                "The request body is not valid JSON of the expected shape: check the syntax and the types of the fields.")
                .toResponse();
    }
}
