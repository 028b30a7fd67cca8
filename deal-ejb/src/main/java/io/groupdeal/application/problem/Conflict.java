package io.groupdeal.application.problem;

import java.util.Map;

/** The request is valid but clashes with the current state (409), such as an email already in use. */
public class Conflict extends Problem {

    private final Map<String, Object> extensions;

    public Conflict(String type, String title, String detail) {
        this(type, title, detail, Map.of());
    }

    /** With extra members for the client, such as when and where a coupon was redeemed. */
    public Conflict(String type, String title, String detail, Map<String, Object> extensions) {
        super(type, title, detail);
        this.extensions = Map.copyOf(extensions);
    }

    @Override
    public Map<String, Object> extensions() {
        return extensions;
    }
}
