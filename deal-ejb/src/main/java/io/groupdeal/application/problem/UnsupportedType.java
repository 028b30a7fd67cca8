package io.groupdeal.application.problem;

/** The body is of a kind the operation does not take (415), such as a GIF where JPEG, PNG or WebP is asked for. */
public class UnsupportedType extends Problem {

    /** The detail worded by the type itself. */
    public UnsupportedType(String type) {
        this(type, Reason.of(type));
    }

    public UnsupportedType(String type, Reason reason) {
        super(type, reason);
    }
}
