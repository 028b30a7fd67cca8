package io.groupdeal.application.problem;

/** The caller is known but may not do this (403). */
public class Forbidden extends Problem {

    public Forbidden(String type) {
        this(type, Reason.of(type));
    }

    public Forbidden(String type, Reason reason) {
        super(type, reason);
    }
}
