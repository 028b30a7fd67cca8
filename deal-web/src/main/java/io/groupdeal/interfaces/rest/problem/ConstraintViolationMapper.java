package io.groupdeal.interfaces.rest.problem;

import io.groupdeal.application.problem.InvalidInput;
import io.groupdeal.application.problem.InvalidInput.FieldError;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Comparator;
import java.util.List;

/** Bean Validation on request bodies: one error per field, named as in the JSON. */
@Provider
public class ConstraintViolationMapper implements ExceptionMapper<ConstraintViolationException> {

    @Override
    public Response toResponse(ConstraintViolationException exception) {
        List<FieldError> errors = exception.getConstraintViolations().stream()
                .map(v -> new FieldError(field(v), v.getMessage()))
                .sorted(Comparator.comparing(FieldError::field))
                .toList();
        return ProblemMapper.document(new InvalidInput(errors)).toResponse();
    }

    /** The last named node of the path: {@code create.body.name} is {@code name}; the body itself is {@code body}. */
    private static String field(ConstraintViolation<?> violation) {
        String name = "body";
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getName() != null && !node.getName().startsWith("arg")) {
                name = node.getName();
            }
        }
        return name;
    }
}
