package io.groupdeal.interfaces.rest.problem;

import io.groupdeal.domain.shared.Contention;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * The database gave way to other transactions: nothing changed, and sending the request again will do (503). Also the
 * answer to a rollback the database decided anywhere else (a deadlock or lock wait met by EclipseLink, a Galera
 * certification failure at commit: {@code TransactionConflict}, through {@link UnexpectedFailureMapper}).
 */
@Provider
public class ContentionMapper implements ExceptionMapper<Contention> {

    @Override
    public Response toResponse(Contention contention) {
        return busy();
    }

    static Response busy() {
        return Response.fromResponse(ProblemDocument.of(503, "busy", "Busy",
                "Many requests touched the same data at once; nothing was changed. Please send the request again.")
                .toResponse()).header("Retry-After", "1").build();
    }
}
