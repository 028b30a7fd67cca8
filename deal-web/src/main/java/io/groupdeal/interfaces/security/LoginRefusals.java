package io.groupdeal.interfaces.security;

import io.groupdeal.application.problem.Problem;
import io.groupdeal.application.security.HashingGate;
import io.groupdeal.application.security.Lockouts;
import io.groupdeal.interfaces.rest.problem.ProblemWriter;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;

/**
 * Refuses a login or sign-up whose answer is already known, before anything reads it: while every hashing turn is
 * taken and as many requests wait for one as may ({@link HashingGate#isFull()}), 503 {@code busy}; from a client
 * address this instance saw locked ({@link Lockouts}), 429 {@code rate-limited}. The answers are the documents and
 * {@code Retry-After} the API gives after reading the request. Under a flood of logins such refusals are nearly every
 * request, and their trip through JAX-RS (request scope, injection, routing), JSON-B, validation and the EJB boundary
 * took most of the CPU the product got (bench/README.md, "Logins under a flood"). The body is only skipped, not
 * parsed, so that the connection stays usable for the client's next request (a larger one than a login's closes it).
 */
public class LoginRefusals extends HttpFilter {

    private static final long serialVersionUID = 1L;

    /** Far more than any login or sign-up body. */
    static final int SKIPPED = 16 * 1024;

    @Inject
    private HashingGate hashing;

    @Inject
    private Lockouts lockouts;

    @Inject
    private ClientAddress clientAddress;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        Optional<Problem> refusal = "POST".equals(request.getMethod()) ? refusal(request) : Optional.empty();
        if (refusal.isPresent()) {
            skipBody(request, response);
            ProblemWriter.write(response, refusal.get());
            return;
        }
        chain.doFilter(request, response);
    }

    /** Reads past a login's few hundred bytes; beyond {@link #SKIPPED}, the connection closes after the answer. */
    private static void skipBody(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (request.getInputStream().readNBytes(SKIPPED).length >= SKIPPED) {
            response.setHeader("Connection", "close");
        }
    }

    /** The answer the request would get anyway, when it is known without reading it. */
    private Optional<Problem> refusal(HttpServletRequest request) {
        Optional<Problem> locked = lockouts.refusalOfAddress(clientAddress.of(request)).map(Problem.class::cast);
        if (locked.isPresent()) {
            return locked;
        }
        return hashing.isFull() ? Optional.of(hashing.busy()) : Optional.empty();
    }
}
