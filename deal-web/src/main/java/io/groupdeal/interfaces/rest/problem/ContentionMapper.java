package io.groupdeal.interfaces.rest.problem;

import io.groupdeal.domain.shared.Contention;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** The database gave way to other transactions: nothing changed, and sending the request again will do (503). */
@Provider
public class ContentionMapper implements ExceptionMapper<Contention> {

    @Override
    public Response toResponse(Contention contention) {
        return Response.fromResponse(ProblemDocument.of(503, "busy", "Busy",
                "Many requests touched the same data at once; nothing was changed. Please send the request again.")
                .toResponse()).header("Retry-After", "1").build();
    }
}
