package io.groupdeal.application.problem;

import java.util.Map;

/** The request is valid but clashes with the current state (409), such as an email already in use. */
public class Clash extends Problem {

    private final Map<String, Object> extensions;

    /** The detail worded by the type itself. */
    public Clash(String type) {
        this(type, Reason.of(type));
    }

    public Clash(String type, Reason reason) {
        this(type, reason, Map.of());
    }

    /** With extra members for the client, such as when and where a coupon was redeemed. */
    public Clash(String type, Reason reason, Map<String, Object> extensions) {
        super(type, reason);
        this.extensions = Map.copyOf(extensions);
    }

    @Override
    public Map<String, Object> extensions() {
        return extensions;
    }
}
