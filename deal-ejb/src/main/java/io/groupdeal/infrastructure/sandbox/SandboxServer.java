package io.groupdeal.infrastructure.sandbox;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The payment sandbox: a card processor's test mode as an HTTP service of its own, on 127.0.0.1, with its own
 * bounded thread pool (purchase threads waiting on it can never take its threads) and its own books
 * ({@link SandboxLedger}). The product reaches it only over HTTP, like any provider.
 *
 * <p>Routes (JSON bodies; every answer that names a payment carries it as
 * {@code {ref, key, state, amount, currency, captured, refunded}}; refusals are problem+json):
 * <ul>
 *     <li>{@code POST /payments} with an {@code Idempotency-Key} header and {@code {token, amount, currency, capture}}:
 *     authorise (and capture at once when {@code capture}). 201 with the new payment, 200 with
 *     {@code Idempotent-Replayed: true} when the key already had one: that payment is the answer whatever the token
 *     (no second charge), and a key barred by a cancel answers VOIDED.</li>
 *     <li>{@code GET /payments?key=}: the payment made under the key, 404 when none.</li>
 *     <li>{@code POST /payments/cancel?key=}: AUTHORISED → VOIDED, an unseen key is barred (a VOIDED row), any other
 *     payment is answered as it is (CAPTURED stays CAPTURED).</li>
 *     <li>{@code POST /payments/{ref}/capture}: AUTHORISED → CAPTURED with the whole amount; CAPTURED answers as it
 *     is; any other state 409.</li>
 *     <li>{@code POST /payments/{ref}/refunds} with {@code {amount, reference}}: once per reference (201, then 200
 *     replayed); beyond the captured money, or not captured, 409.</li>
 * </ul>
 *
 * <p>Test tokens, as the well-known processors' test modes: {@code tok_ok} approves; {@code tok_declined} and any
 * unknown token are DECLINED (nothing charged); {@code tok_error} is FAILED (the provider failed before charging; the
 * answer is remembered under the key); {@code tok_timeout} charges, then holds its answer {@link #HOLD} (longer than
 * any client waits), so the client times out although the money moved; {@code tok_slow} waits {@link #SLOW_WAIT} and only
 * then looks at the key, so a cancel in between bars it. Held answers wait on a timer, not on a pool thread, and are
 * dropped when the server stops. {@code latency} delays every call before it is looked at.
 */
public final class SandboxServer implements AutoCloseable {

    public static final String APPROVE = "tok_ok";
    public static final String DECLINE = "tok_declined";
    public static final String ERROR = "tok_error";
    public static final String TIMEOUT = "tok_timeout";
    public static final String SLOW = "tok_slow";

    /** How long tok_timeout keeps its answer back: far beyond any client's wait. */
    static final Duration HOLD = Duration.ofSeconds(60);
    /** How long tok_slow waits before it processes the key. */
    static final Duration SLOW_WAIT = Duration.ofSeconds(10);
    /** Threads of the server's own pool. */
    static final int THREADS = 256;

    private static final Logger LOG = Logger.getLogger(SandboxServer.class.getName());
    private static final Pattern CAPTURE = Pattern.compile("/payments/([A-Za-z0-9_]{1,40})/capture");
    private static final Pattern REFUNDS = Pattern.compile("/payments/([A-Za-z0-9_]{1,40})/refunds");
    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7e]{1,100}");
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
    private static final int MAX_BODY = 16 * 1024;
    /** Looked up once: {@code Json.create*} looks the provider up through the ServiceLoader on every call. */
    private static final JsonProvider JSON = JsonProvider.provider();

    /**
     * The JDK server's own setting for TCP_NODELAY on the connections it accepts, read once, when the first server of
     * the JVM is made. It writes an answer's headers and its body in two segments: without it, the body waits for the
     * client's delayed ACK of the headers (40 ms on Linux), so every call on a kept-alive connection took some 50 ms
     * where it takes one or two (SandboxGatewayTest). Set unless the JVM was started with a value of its own.
     */
    static final String NODELAY = "sun.net.httpserver.nodelay";

    static {
        if (System.getProperty(NODELAY) == null) {
            System.setProperty(NODELAY, "true");
        }
    }

    private final SandboxLedger ledger;
    private final Duration latency;
    private final Duration hold;
    private final Duration slowWait;
    private final HttpServer server;
    private final ThreadPoolExecutor pool;
    private final ScheduledExecutorService timer;

    /** Starts the server on 127.0.0.1 at {@code port} (0: any free port). */
    public static SandboxServer start(SandboxLedger ledger, int port, Duration latency) throws IOException {
        return new SandboxServer(ledger, port, latency, HOLD, SLOW_WAIT);
    }

    SandboxServer(SandboxLedger ledger, int port, Duration latency, Duration hold, Duration slowWait)
            throws IOException {
        this.ledger = ledger;
        this.latency = latency;
        this.hold = hold;
        this.slowWait = slowWait;
        AtomicInteger threads = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(
                THREADS, THREADS, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), runnable -> {
                    Thread thread = new Thread(runnable, "deal-sandbox-" + threads.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        pool.allowCoreThreadTimeOut(true);
        this.timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "deal-sandbox-timer");
            thread.setDaemon(true);
            return thread;
        });
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 256);
        server.createContext("/", this::handle);
        server.setExecutor(pool);
        server.start();
    }

    /** Where the server listens: {@code http://127.0.0.1:<port>}. */
    public URI address() {
        return URI.create("http://" + server.getAddress().getAddress().getHostAddress() + ":"
                + server.getAddress().getPort());
    }

    /** Stops listening, drops held answers and ends the threads. */
    @Override
    public void close() {
        server.stop(0);
        timer.shutdownNow();
        pool.shutdownNow();
    }

    private void handle(HttpExchange exchange) {
        try {
            if (!latency.isZero()) {
                Thread.sleep(latency.toMillis());
            }
            route(exchange);
        } catch (Answer answer) {
            send(exchange, answer.status, answer.body, false);
        } catch (SQLException e) {
            LOG.log(Level.WARNING, "sandbox ledger failed", e);
            send(exchange, 500, problem(500, "The sandbox's ledger failed."), false);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            exchange.close();
        } catch (RuntimeException | IOException e) {
            LOG.log(Level.WARNING, "sandbox request failed", e);
            send(exchange, 500, problem(500, "The sandbox failed."), false);
        }
    }

    /**
     * Routes without a body leave the request stream alone: the JDK server drains what is left when the exchange
     * closes (skipping an empty body by hand left the answer unsent on JDK 17).
     */
    private void route(HttpExchange exchange) throws IOException, SQLException {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getRawPath();
        Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
        Matcher capture = CAPTURE.matcher(path);
        Matcher refunds = REFUNDS.matcher(path);
        if (path.equals("/payments") && method.equals("POST")) {
            authorise(exchange);
        } else if (path.equals("/payments") && method.equals("GET")) {
            SandboxLedger.Row payment =
                    ledger.find(key(query.get("key"))).orElseThrow(() -> notFound("No payment under this key."));
            send(exchange, 200, json(payment), false);
        } else if (path.equals("/payments/cancel") && method.equals("POST")) {
            send(exchange, 200, json(ledger.cancel(key(query.get("key")))), false);
        } else if (capture.matches() && method.equals("POST")) {
            try {
                send(
                        exchange,
                        200,
                        json(ledger.capture(capture.group(1)).orElseThrow(() -> notFound("No such payment."))),
                        false);
            } catch (SandboxLedger.Refused refused) {
                throw new Answer(409, problem(409, refused.getMessage()));
            }
        } else if (refunds.matches() && method.equals("POST")) {
            refund(exchange, refunds.group(1));
        } else {
            throw notFound("No such route.");
        }
    }

    /** The key rules first (a known or barred key answers its row), then the token's behaviour. */
    private void authorise(HttpExchange exchange) throws IOException, SQLException {
        String key = key(exchange.getRequestHeaders().getFirst("Idempotency-Key"));
        JsonObject body = body(exchange);
        String token = text(body, "token", 100);
        BigDecimal amount = money(body, "amount");
        String currency = text(body, "currency", 3);
        if (!CURRENCY.matcher(currency).matches()) {
            throw badRequest("currency must be an ISO 4217 code.");
        }
        boolean capture = body.getBoolean("capture", false);
        String approved = capture ? "CAPTURED" : "AUTHORISED";
        switch (token) {
            case APPROVE -> answer(exchange, ledger.authorise(key, token, approved, amount, currency));
            case ERROR -> answer(exchange, ledger.authorise(key, token, "FAILED", amount, currency));
            case TIMEOUT -> {
                SandboxLedger.Outcome charged = ledger.authorise(key, token, approved, amount, currency);
                later(hold, () -> answer(exchange, charged));
            }
            case SLOW ->
                later(slowWait, () -> {
                    try {
                        answer(exchange, ledger.authorise(key, token, approved, amount, currency));
                    } catch (SQLException | RuntimeException e) {
                        LOG.log(Level.WARNING, "sandbox request failed", e);
                        send(exchange, 500, problem(500, "The sandbox failed."), false);
                    }
                });
            default -> answer(exchange, ledger.authorise(key, token, "DECLINED", amount, currency));
        }
    }

    private void refund(HttpExchange exchange, String ref) throws IOException, SQLException {
        JsonObject body = body(exchange);
        BigDecimal amount = money(body, "amount");
        String reference = text(body, "reference", 100);
        try {
            answer(exchange, ledger.refund(ref, amount, reference).orElseThrow(() -> notFound("No such payment.")));
        } catch (SandboxLedger.Refused refused) {
            throw new Answer(409, problem(409, refused.getMessage()));
        }
    }

    private void answer(HttpExchange exchange, SandboxLedger.Outcome outcome) {
        send(exchange, outcome.replayed() ? 200 : 201, json(outcome.payment()), outcome.replayed());
    }

    /** Runs {@code task} on the pool after {@code delay}; until then the exchange waits without a thread. */
    private void later(Duration delay, Runnable task) {
        timer.schedule(
                () -> {
                    try {
                        pool.execute(task);
                    } catch (RuntimeException stopped) {
                        // the server stopped meanwhile: the held answer is dropped, like a provider's lost answer
                    }
                },
                delay.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    private static void send(HttpExchange exchange, int status, JsonObject body, boolean replayed) {
        try (exchange) {
            byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders()
                    .set("Content-Type", status >= 400 ? "application/problem+json" : "application/json");
            if (replayed) {
                exchange.getResponseHeaders().set("Idempotent-Replayed", "true");
            }
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        } catch (IOException gone) {
            // the client gave up (a timed-out caller of tok_timeout): nothing to tell anyone
        }
    }

    private static JsonObject json(SandboxLedger.Row payment) {
        JsonObjectBuilder json = JSON.createObjectBuilder()
                .add("ref", payment.ref())
                .add("key", payment.key())
                .add("state", payment.state())
                .add("amount", payment.amount())
                .add("currency", payment.currency())
                .add("captured", payment.captured())
                .add("refunded", payment.refunded());
        return json.build();
    }

    private static JsonObject problem(int status, String detail) {
        return JSON.createObjectBuilder()
                .add("type", "about:blank")
                .add("status", status)
                .add("detail", detail)
                .build();
    }

    private static JsonObject body(HttpExchange exchange) throws IOException {
        byte[] bytes;
        try (InputStream in = exchange.getRequestBody()) {
            bytes = in.readNBytes(MAX_BODY + 1);
        }
        if (bytes.length > MAX_BODY) {
            throw badRequest("The body is too large.");
        }
        try (JsonReader reader = JSON.createReader(new java.io.ByteArrayInputStream(bytes))) {
            return reader.readObject();
        } catch (JsonException | IllegalStateException e) {
            throw badRequest("The body is not a JSON object.");
        }
    }

    private static String key(String key) {
        if (key == null || !KEY.matcher(key).matches()) {
            throw badRequest("An idempotency key of 1 to 100 visible ASCII characters is required.");
        }
        return key;
    }

    private static String text(JsonObject body, String name, int maxLength) {
        JsonValue value = body.get(name);
        if (value == null || value.getValueType() != JsonValue.ValueType.STRING) {
            throw badRequest(name + " must be a string.");
        }
        String text = body.getString(name);
        if (text.isEmpty() || text.length() > maxLength) {
            throw badRequest(name + " must have 1 to " + maxLength + " characters.");
        }
        return text;
    }

    private static BigDecimal money(JsonObject body, String name) {
        JsonValue value = body.get(name);
        if (value == null || value.getValueType() != JsonValue.ValueType.NUMBER) {
            throw badRequest(name + " must be a number.");
        }
        BigDecimal amount = ((JsonNumber) value).bigDecimalValue();
        if (amount.signum() <= 0 || amount.scale() > 3 || amount.precision() - amount.scale() > 12) {
            throw badRequest(name + " must be positive, with at most 12 digits and 3 decimals.");
        }
        return amount;
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> parameters = new HashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int equals = pair.indexOf('=');
                if (equals > 0) {
                    try {
                        parameters.putIfAbsent(
                                URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                                URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
                    } catch (IllegalArgumentException malformed) {
                        throw badRequest("The query is malformed.");
                    }
                }
            }
        }
        return parameters;
    }

    private static Answer notFound(String detail) {
        return new Answer(404, problem(404, detail));
    }

    private static Answer badRequest(String detail) {
        return new Answer(400, problem(400, detail));
    }

    /** An answer decided before the end of a route: a refusal. */
    private static final class Answer extends RuntimeException {
        final int status;
        final transient JsonObject body;

        Answer(int status, JsonObject body) {
            super(null, null, false, false);
            this.status = status;
            this.body = body;
        }
    }
}
