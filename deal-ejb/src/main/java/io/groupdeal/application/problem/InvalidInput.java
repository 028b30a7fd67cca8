package io.groupdeal.application.problem;

import java.util.List;

/** The request breaks validation rules (400); each broken rule is named with its field. */
public class InvalidInput extends Problem {

    private final List<FieldError> errors;

    public InvalidInput(List<FieldError> errors) {
        this("validation", "Invalid request", "Some fields are not valid.", errors);
    }

    /** A bad request with a problem type of its own, such as {@code idempotency-key-missing}. */
    public InvalidInput(String type, String title, String detail, List<FieldError> errors) {
        super(type, title, detail);
        this.errors = List.copyOf(errors);
    }

    public InvalidInput(String field, String message) {
        this(List.of(new FieldError(field, message)));
    }

    @Override
    public List<FieldError> errors() {
        return errors;
    }

    public record FieldError(String field, String message) {
    }
}
