package io.groupdeal.domain.shared;

/**
 * A value that breaks a rule of the domain: a blank name, a latitude of 91. Names the field so that the client is
 * told which one. Nothing is written when it is thrown.
 */
public class InvalidValue extends IllegalArgumentException {

    private final String field;

    public InvalidValue(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
