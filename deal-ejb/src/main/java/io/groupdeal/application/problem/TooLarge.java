package io.groupdeal.application.problem;

/** The request's body is larger than the operation takes (413), such as a photo over 8 MB. */
public class TooLarge extends Problem {

    /** The detail worded by the type itself. */
    public TooLarge(String type) {
        this(type, Reason.of(type));
    }

    public TooLarge(String type, Reason reason) {
        super(type, reason);
    }
}
