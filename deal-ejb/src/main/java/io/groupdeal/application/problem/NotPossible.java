package io.groupdeal.application.problem;

import java.util.List;

/** The request is well formed but cannot be carried out as things are (422), such as publishing an incomplete deal. */
public class NotPossible extends Problem {

    private final List<InvalidInput.FieldError> errors;

    public NotPossible(String type) {
        this(type, List.of());
    }

    public NotPossible(String type, List<InvalidInput.FieldError> errors) {
        this(type, Reason.of(type), errors);
    }

    /** Worded by its own reason, such as which kind of request the key was used for. */
    public NotPossible(String type, Reason reason) {
        this(type, reason, List.of());
    }

    public NotPossible(String type, Reason reason, List<InvalidInput.FieldError> errors) {
        super(type, reason);
        this.errors = List.copyOf(errors);
    }

    @Override
    public List<InvalidInput.FieldError> errors() {
        return errors;
    }
}
