package io.groupdeal.application.problem;

/** The thing exists but can no longer be used (410), such as an expired, refunded or void coupon at the counter. */
public class Gone extends Problem {

    public Gone(String type, String title, String detail) {
        super(type, title, detail);
    }
}
