package io.groupdeal.application.problem;

import jakarta.ejb.ApplicationException;
import java.util.Map;

/**
 * A failure the client is told about, named by a problem type ({@code /problems/<type>}). Thrown by boundaries;
 * it rolls the transaction back, so a request that fails changes nothing.
 */
@ApplicationException(rollback = true, inherited = true)
public abstract class Problem extends RuntimeException {

    private final String type;
    private final String title;

    protected Problem(String type, String title, String detail) {
        super(detail, null, false, false);
        this.type = type;
        this.title = title;
    }

    public String type() {
        return type;
    }

    public String title() {
        return title;
    }

    public String detail() {
        return getMessage();
    }

    /** The broken rules, each named by its field; empty when the problem is not about fields. */
    public java.util.List<InvalidInput.FieldError> errors() {
        return java.util.List.of();
    }

    /** Extra members of the problem document, such as when and where a coupon was redeemed. */
    public Map<String, Object> extensions() {
        return Map.of();
    }
}
