package io.groupdeal.interfaces.rest;

import io.groupdeal.application.problem.InvalidInput;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import java.util.Set;

/**
 * Checks a request body against its Bean Validation constraints. Done here rather than with {@code @Valid} on the
 * resource parameters, because Payara's OpenAPI generator fails on constrained body parameters (payara/Payara#7649)
 * and /openapi must keep working.
 */
@ApplicationScoped
public class RequestBodies {

    @Inject
    private Validator validator;

    public <T> T valid(T body) {
        if (body == null) {
            throw new InvalidInput("body", "json-object-required");
        }
        Set<ConstraintViolation<T>> violations = validator.validate(body);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        return body;
    }
}
