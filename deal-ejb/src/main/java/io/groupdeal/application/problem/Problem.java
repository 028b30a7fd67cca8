package io.groupdeal.application.problem;

import jakarta.ejb.ApplicationException;
import java.util.List;
import java.util.Map;

/**
 * A failure the client is told about, named by a problem type ({@code /problems/<type>}) and the {@link Reason} its
 * detail is worded from. Thrown by boundaries; it rolls the transaction back, so a request that fails changes
 * nothing. It holds no words: the interfaces give the title (by type) and the detail (by reason) in the reader's
 * language. Its message, for logs only, is the type and the reason.
 */
@ApplicationException(rollback = true, inherited = true)
public abstract class Problem extends RuntimeException {

    private final String type;
    private final Reason reason;

    protected Problem(String type, Reason reason) {
        super(type + ": " + reason, null, false, false);
        this.type = type;
        this.reason = reason;
    }

    public String type() {
        return type;
    }

    /** What the detail says, as a key and the values it needs. */
    public Reason reason() {
        return reason;
    }

    /** The broken rules, each named by its field; empty when the problem is not about fields. */
    public List<InvalidInput.FieldError> errors() {
        return List.of();
    }

    /** Extra members of the problem document, such as when and where a coupon was redeemed. */
    public Map<String, Object> extensions() {
        return Map.of();
    }
}
