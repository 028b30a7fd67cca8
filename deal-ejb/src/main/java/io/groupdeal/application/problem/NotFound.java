package io.groupdeal.application.problem;

/**
 * The resource does not exist for this caller. Another tenant's resource is answered exactly like a missing one:
 * same type, same title, same detail, so nobody can learn what other tenants have.
 */
public class NotFound extends Problem {

    /** {@code not-found}, worded by what was looked for: {@code deal}, {@code staff-member}. */
    public NotFound(String what) {
        super("not-found", Reason.of("not-found." + what));
    }

    public NotFound(String type, Reason reason) {
        super(type, reason);
    }
}
