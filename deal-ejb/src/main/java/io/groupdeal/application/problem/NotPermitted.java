package io.groupdeal.application.problem;

/** The caller is known but may not do this (403). */
public class NotPermitted extends Problem {

    public NotPermitted(String type) {
        this(type, Reason.of(type));
    }

    public NotPermitted(String type, Reason reason) {
        super(type, reason);
    }
}
