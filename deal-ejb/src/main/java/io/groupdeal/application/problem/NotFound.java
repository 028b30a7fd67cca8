package io.groupdeal.application.problem;

/**
 * The resource does not exist for this caller. Another tenant's resource is answered exactly like a missing one:
 * same type, same title, same detail, so nobody can learn what other tenants have.
 */
public class NotFound extends Problem {

    public NotFound(String what) {
        this("not-found", what);
    }

    public NotFound(String type, String what) {
        this(type, "Not found", "No " + what + " with this id.");
    }

    public NotFound(String type, String title, String detail) {
        super(type, title, detail);
    }
}
