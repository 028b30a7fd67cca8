package io.groupdeal.application.problem;

/** Login failed. The same answer for an unknown email, a wrong password and a suspended merchant (401). */
public class BadCredentials extends Problem {

    public BadCredentials() {
        super("bad-credentials", Reason.of("bad-credentials"));
    }
}
