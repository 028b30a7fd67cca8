package io.groupdeal.devserver;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;

/**
 * Whether the product answers requests, asked the way a user would: over HTTP, until {@code /health/ready} says 200.
 * Nothing inside the product can say so truthfully. Payara Micro opens its port a minute before the application is
 * deployed (every path 404, {@code /health/ready} 503); the startup beans (migration, demo data) run before the web
 * module starts; and while the web module starts, the container answers every path with an empty 500 for several
 * seconds, a servlet context listener's moment included. A 200 from {@code /health/ready} comes only after that: the
 * web module is up and the database answers.
 */
public final class Readiness {

    /** How often the probe asks while the product is not ready. */
    static final Duration POLL = Duration.ofMillis(250);

    private final URI probe;
    private final HttpClient client =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private String last = "no answer yet";

    Readiness(URI probe) {
        this.probe = probe;
    }

    /** The probe of the product on {@code localhost:port}. */
    public static Readiness ofPort(String port) {
        return new Readiness(URI.create("http://127.0.0.1:" + port + "/health/ready"));
    }

    /**
     * Asks until the probe answers 200 (true), the server is gone ({@code alive} false) or {@code bound} passed
     * (false).
     */
    public boolean await(BooleanSupplier alive, Duration bound) throws InterruptedException {
        Instant deadline = Instant.now().plus(bound);
        while (alive.getAsBoolean() && Instant.now().isBefore(deadline)) {
            if (answersReady()) {
                return true;
            }
            Thread.sleep(POLL.toMillis());
        }
        return false;
    }

    /** What the probe met last, for a launcher that gave up waiting: "HTTP 500" or the refused connection. */
    public String last() {
        return last;
    }

    private boolean answersReady() throws InterruptedException {
        try {
            int status = client.send(
                            HttpRequest.newBuilder(probe)
                                    .timeout(Duration.ofSeconds(5))
                                    .build(),
                            HttpResponse.BodyHandlers.discarding())
                    .statusCode();
            last = "HTTP " + status + " from " + probe;
            return status == 200;
        } catch (IOException notYet) {
            last = notYet + " from " + probe;
            return false;
        }
    }
}
