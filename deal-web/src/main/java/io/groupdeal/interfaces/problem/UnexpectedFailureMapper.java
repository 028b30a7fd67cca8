package io.groupdeal.interfaces.problem;

import io.groupdeal.application.problem.Problem;
import io.groupdeal.application.problem.Reason;
import io.groupdeal.domain.shared.Contention;
import io.groupdeal.domain.shared.InvalidValue;
import io.groupdeal.infrastructure.database.TransactionConflict;
import jakarta.ejb.EJBAccessException;
import jakarta.ejb.EJBException;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.Providers;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Anything else is a bug: logged with an incident id, answered 500 with that id and nothing internal. Exceptions
 * that an EJB wrapped are unwrapped first and answered by their own mapper. A database that is down or frozen is no
 * bug: that answer is 503 with {@code Retry-After} ({@link DatabaseUnavailable}); neither is a transaction the database
 * rolled back because of others (a deadlock, a lock wait, a Galera certification failure: {@link TransactionConflict}),
 * answered 503 {@code busy} like {@link ContentionMapper}: nothing changed, the same request again will do.
 */
@Provider
public class UnexpectedFailureMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(UnexpectedFailureMapper.class.getName());

    @Context
    private Providers providers;

    @Context
    private HttpHeaders headers;

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Response toResponse(Throwable failure) {
        // First: a certification failure at commit also carries the transaction manager's failure, which alone would
        // read as the database being unavailable.
        if (TransactionConflict.isCauseOf(failure)) {
            LOG.warning(() -> "Transaction rolled back by the database (deadlock, lock wait or certification failure),"
                    + " answered 503 busy: " + failure);
            return ContentionMapper.busy(ProblemDocument.language(headers));
        }
        if (DatabaseUnavailable.explains(failure)) {
            return DatabaseUnavailable.response(ProblemDocument.language(headers));
        }
        Throwable cause = failure;
        while (cause instanceof EJBException && cause.getCause() != null && !(cause instanceof EJBAccessException)) {
            cause = cause.getCause();
        }
        if (cause != failure && isAnswerable(cause)) {
            ExceptionMapper mapper = providers.getExceptionMapper(cause.getClass());
            if (mapper != null) {
                return mapper.toResponse(cause);
            }
        }
        String incident = UUID.randomUUID().toString();
        LOG.log(Level.SEVERE, "Incident " + incident, failure);
        return ProblemDocument.of(
                        500,
                        "internal-error",
                        Reason.of("internal-error.incident", incident),
                        ProblemDocument.language(headers))
                .toResponse();
    }

    private static boolean isAnswerable(Throwable cause) {
        return cause instanceof Problem
                || cause instanceof Contention
                || cause instanceof InvalidValue
                || cause instanceof ConstraintViolationException
                || cause instanceof EJBAccessException;
    }
}
