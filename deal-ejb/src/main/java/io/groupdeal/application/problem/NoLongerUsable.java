package io.groupdeal.application.problem;

/** The thing exists but can no longer be used (410), such as an expired, refunded or void coupon at the counter. */
public class NoLongerUsable extends Problem {

    public NoLongerUsable(String type) {
        this(type, Reason.of(type));
    }

    public NoLongerUsable(String type, Reason reason) {
        super(type, reason);
    }
}
