package io.groupdeal.interfaces.problem;

import io.groupdeal.application.problem.Reason;
import io.groupdeal.domain.shared.Contention;
import io.groupdeal.domain.shared.Language;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
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

    @Context
    private HttpHeaders headers;

    @Override
    public Response toResponse(Contention contention) {
        return busy(ProblemDocument.language(headers));
    }

    static Response busy(Language language) {
        return Response.fromResponse(ProblemDocument.of(503, "busy", Reason.of("busy.contention"), language)
                        .toResponse())
                .header("Retry-After", "1")
                .build();
    }
}
