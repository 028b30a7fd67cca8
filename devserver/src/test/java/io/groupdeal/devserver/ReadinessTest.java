package io.groupdeal.devserver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The launcher says "running" only after a 200 from the probe, whatever the server answered before. */
class ReadinessTest {

    private HttpServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void waitsThroughTheAnswersOfAServerThatIsStillStarting() throws Exception {
        // What Payara Micro answered in a start: 404 before the deployment, 503 from its health endpoint, 500 while
        // the web module started.
        ConcurrentLinkedQueue<Integer> answers = new ConcurrentLinkedQueue<>(List.of(404, 503, 500, 500, 200));
        AtomicInteger asked = new AtomicInteger();
        URI probe = serve(() -> {
            asked.incrementAndGet();
            Integer next = answers.poll();
            return next == null ? 200 : next;
        });

        assertTrue(new Readiness(probe).await(() -> true, Duration.ofSeconds(20)));
        assertEquals(5, asked.get());
    }

    @Test
    void aServerThatNeverAnswersReadyIsNotReadyAndTheLastAnswerSaysWhy() throws Exception {
        Readiness readiness = new Readiness(serve(() -> 500));

        assertFalse(readiness.await(() -> true, Duration.ofSeconds(1)));
        assertTrue(readiness.last().startsWith("HTTP 500"), readiness.last());
    }

    @Test
    void aClosedPortIsNotReady() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        Readiness readiness = Readiness.ofPort(String.valueOf(port));

        assertFalse(readiness.await(() -> true, Duration.ofMillis(600)));
        assertTrue(readiness.last().contains("ConnectException"), readiness.last());
    }

    @Test
    void stopsAskingWhenTheServerIsGone() throws Exception {
        AtomicInteger asked = new AtomicInteger();
        URI probe = serve(() -> {
            asked.incrementAndGet();
            return 200;
        });

        assertFalse(new Readiness(probe).await(() -> false, Duration.ofSeconds(20)));
        assertEquals(0, asked.get());
    }

    private URI serve(StatusSource statuses) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/health/ready", exchange -> {
            exchange.sendResponseHeaders(statuses.next(), -1);
            exchange.close();
        });
        server.start();
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/health/ready");
    }

    @FunctionalInterface
    private interface StatusSource {
        int next();
    }
}
