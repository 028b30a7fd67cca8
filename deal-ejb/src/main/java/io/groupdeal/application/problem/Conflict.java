package io.groupdeal.application.problem;

/** The request is valid but clashes with the current state (409), such as an email already in use. */
public class Conflict extends Problem {

    public Conflict(String type, String title, String detail) {
        super(type, title, detail);
    }
}
