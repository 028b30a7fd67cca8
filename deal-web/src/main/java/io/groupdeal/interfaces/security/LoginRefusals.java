package io.groupdeal.interfaces.security;

import io.groupdeal.application.problem.Busy;
import io.groupdeal.application.problem.Problem;
import io.groupdeal.application.security.HashingGate;
import io.groupdeal.application.security.Lockouts;
import io.groupdeal.domain.shared.Language;
import io.groupdeal.interfaces.problem.ProblemWriter;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Refuses a login or sign-up whose answer is already known, before anything reads it: while as many requests wait
 * for a hashing turn as may ({@link HashingGate#isFull()}), 503 {@code busy}; from a client address this instance
 * saw locked ({@link Lockouts}), 429 {@code rate-limited}. The answers are the documents and {@code Retry-After} the
 * API gives after reading the request. Under a flood of logins such refusals are nearly every request, and their trip
 * through JAX-RS (request scope, injection, routing), JSON-B, validation and the EJB boundary took most of the CPU the
 * product got (bench/README.md, "Logins under a flood"). The body is only skipped, not parsed, so that the
 * connection stays usable for the client's next request (a larger one than a login's closes it).
 *
 * <p>A refusal {@code busy} is held until the request's wait for a turn would have run out ({@code deal.hashing.wait})
 * and answered then, without a thread (an asynchronous request): a flood whose clients wait for their answers, as
 * a closed loop of attackers does, is slowed to one request per client per wait instead of coming straight back,
 * and its refusals stop taking the CPU the rest of the product needs. At most {@code deal.hashing.held} are held at
 * once; beyond, and on a connection that is not plain HTTP/1.1 (an HTTP/2 stream, or a request asking to upgrade to
 * HTTP/2: Grizzly dropped answers written later there, and the JDK's client lost its connection), the refusal is
 * answered at once.
 */
public class LoginRefusals extends HttpFilter {

    private static final long serialVersionUID = 1L;

    private static final Logger LOG = Logger.getLogger(LoginRefusals.class.getName());

    /** Far more than any login or sign-up body. */
    static final int SKIPPED = 16 * 1024;

    /** Beyond the hold, before the container's own time-out answers (with 503 {@code busy} too, see {@link #hold}). */
    static final long TIMEOUT_MARGIN_MILLIS = 30_000;

    @Inject
    private HashingGate hashing;

    @Inject
    private Lockouts lockouts;

    @Inject
    private ClientAddress clientAddress;

    @Resource
    private transient ManagedScheduledExecutorService timer;

    private final AtomicInteger holding = new AtomicInteger();

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        Optional<Problem> refusal = "POST".equals(request.getMethod()) ? refusal(request) : Optional.empty();
        if (refusal.isPresent()) {
            skipBody(request, response);
            if (refusal.get() instanceof Busy busy && holdable(request) && reserveHold()) {
                hold(request, response, busy);
            } else {
                ProblemWriter.write(request, response, refusal.get());
            }
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
        Optional<Problem> locked =
                lockouts.refusalOfAddress(clientAddress.of(request)).map(Problem.class::cast);
        if (locked.isPresent()) {
            return locked;
        }
        return hashing.isFull() ? Optional.of(hashing.busy()) : Optional.empty();
    }

    /** Plain HTTP/1.1 that may be answered later: not an HTTP/2 stream, nor a request to upgrade to HTTP/2. */
    static boolean holdable(HttpServletRequest request) {
        return "HTTP/1.1".equals(request.getProtocol())
                && request.getHeader("Upgrade") == null
                && request.getHeader("HTTP2-Settings") == null
                && request.isAsyncSupported();
    }

    private boolean reserveHold() {
        for (int n = holding.get(); n < hashing.refusalsHeld(); n = holding.get()) {
            if (holding.compareAndSet(n, n + 1)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Answers {@code busy} when the wait for a turn would have run out, from the timer; should the container time the
     * request out first, from its time-out, with the same answer (never its error page); a request whose client went
     * away is let go.
     */
    private void hold(HttpServletRequest request, HttpServletResponse response, Busy busy) {
        Language language = ProblemWriter.language(request);
        AsyncContext async;
        try {
            async = request.startAsync(request, response);
        } catch (IllegalStateException notAsync) {
            holding.decrementAndGet();
            ProblemWriter.write(request, response, busy);
            return;
        }
        long delay = hashing.waitLimit().toMillis();
        async.setTimeout(delay + TIMEOUT_MARGIN_MILLIS);
        AtomicBoolean done = new AtomicBoolean();
        Runnable answer = () -> {
            if (done.compareAndSet(false, true)) {
                try {
                    ProblemWriter.write(language, (HttpServletResponse) async.getResponse(), busy);
                } catch (RuntimeException e) {
                    LOG.log(Level.FINE, "a held refusal could not be written", e);
                } finally {
                    holding.decrementAndGet();
                    async.complete();
                }
            }
        };
        async.addListener(new AsyncListener() {
            @Override
            public void onTimeout(AsyncEvent event) {
                answer.run();
            }

            @Override
            public void onError(AsyncEvent event) {
                if (done.compareAndSet(false, true)) {
                    holding.decrementAndGet();
                }
            }

            @Override
            public void onComplete(AsyncEvent event) {
                if (done.compareAndSet(false, true)) {
                    holding.decrementAndGet();
                }
            }

            @Override
            public void onStartAsync(AsyncEvent event) {
                // not restarted
            }
        });
        try {
            timer.schedule(answer, delay, TimeUnit.MILLISECONDS);
        } catch (RuntimeException rejected) {
            answer.run();
        }
    }
}
