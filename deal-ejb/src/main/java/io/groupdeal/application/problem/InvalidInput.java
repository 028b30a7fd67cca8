package io.groupdeal.application.problem;

import java.util.Arrays;
import java.util.List;

/** The request breaks validation rules (400); each broken rule is named with its field. */
public class InvalidInput extends Problem {

    private final List<FieldError> errors;

    public InvalidInput(List<FieldError> errors) {
        this("validation", Reason.of("validation"), errors);
    }

    /** A bad request with a problem type of its own, such as {@code idempotency-key-missing}. */
    public InvalidInput(String type, Reason reason, List<FieldError> errors) {
        super(type, reason);
        this.errors = List.copyOf(errors);
    }

    /** One field breaks one rule, such as {@code ("quantity", "between", 1, 10)}. */
    public InvalidInput(String field, String rule, Object... args) {
        this(List.of(FieldError.of(field, rule, args)));
    }

    @Override
    public List<FieldError> errors() {
        return errors;
    }

    /** A field and the rule it breaks ({@code required}, {@code max-length} with its limit), worded by the interfaces. */
    public record FieldError(String field, String rule, List<Object> args) {

        public FieldError {
            args = List.copyOf(args);
        }

        public static FieldError of(String field, String rule, Object... args) {
            return new FieldError(field, rule, Arrays.asList(args));
        }
    }
}
