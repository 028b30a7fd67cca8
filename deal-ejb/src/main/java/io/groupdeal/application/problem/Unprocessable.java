package io.groupdeal.application.problem;

import java.util.List;

/** The request is well formed but cannot be carried out as things are (422), such as publishing an incomplete deal. */
public class Unprocessable extends Problem {

    private final List<InvalidInput.FieldError> errors;

    public Unprocessable(String type, String title, String detail, List<InvalidInput.FieldError> errors) {
        super(type, title, detail);
        this.errors = List.copyOf(errors);
    }

    @Override
    public List<InvalidInput.FieldError> errors() {
        return errors;
    }
}
