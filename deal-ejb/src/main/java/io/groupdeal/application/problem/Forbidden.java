package io.groupdeal.application.problem;

/** The caller is known but may not do this (403). */
public class Forbidden extends Problem {

    public Forbidden(String type, String detail) {
        super(type, "Forbidden", detail);
    }
}
