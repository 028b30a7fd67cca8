package io.groupdeal.interfaces.rest.problem;

import io.groupdeal.application.problem.Problem;
import io.groupdeal.domain.shared.Contention;
import io.groupdeal.domain.shared.InvalidValue;
import jakarta.ejb.EJBAccessException;
import jakarta.ejb.EJBException;
import jakarta.ws.rs.core.Context;
import jakarta.validation.ConstraintViolationException;
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
 * bug: that answer is 503 with {@code Retry-After} ({@link DatabaseUnavailable}).
 */
@Provider
public class UnexpectedFailureMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(UnexpectedFailureMapper.class.getName());

    @Context
    private Providers providers;

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Response toResponse(Throwable failure) {
        if (DatabaseUnavailable.explains(failure)) {
            return DatabaseUnavailable.response();
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
        return ProblemDocument.of(500, "internal-error", "Internal error",
                "Something went wrong on our side. Incident " + incident + ".").toResponse();
    }

    private static boolean isAnswerable(Throwable cause) {
        return cause instanceof Problem || cause instanceof Contention || cause instanceof InvalidValue || cause instanceof ConstraintViolationException
                || cause instanceof EJBAccessException;
    }
}
