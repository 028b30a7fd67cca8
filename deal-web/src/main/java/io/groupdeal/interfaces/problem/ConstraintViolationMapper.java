package io.groupdeal.interfaces.problem;

import io.groupdeal.application.problem.InvalidInput;
import io.groupdeal.application.problem.InvalidInput.FieldError;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.Annotation;
import java.util.Comparator;
import java.util.List;

/**
 * Bean Validation on request bodies: one error per field, named as in the JSON, with the rule its constraint stands
 * for ({@code @NotBlank} is {@code required}, {@code @Size(max = 120)} is {@code max-length} 120), worded like the
 * application's own field errors.
 */
@Provider
public class ConstraintViolationMapper implements ExceptionMapper<ConstraintViolationException> {

    @Context
    private HttpHeaders headers;

    @Override
    public Response toResponse(ConstraintViolationException exception) {
        List<FieldError> errors = exception.getConstraintViolations().stream()
                .map(v -> rule(field(v), v.getConstraintDescriptor().getAnnotation()))
                .sorted(Comparator.comparing(FieldError::field))
                .toList();
        return ProblemMapper.document(new InvalidInput(errors), ProblemDocument.language(headers))
                .toResponse();
    }

    static FieldError rule(String field, Annotation constraint) {
        if (constraint instanceof NotNull || constraint instanceof NotBlank || constraint instanceof NotEmpty) {
            return FieldError.of(field, "required");
        }
        if (constraint instanceof Size size) {
            return size.min() <= 0
                    ? FieldError.of(field, "max-length", size.max())
                    : FieldError.of(field, "length-between", size.min(), size.max());
        }
        if (constraint instanceof Email) {
            return FieldError.of(field, "email");
        }
        return FieldError.of(field, "invalid");
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
