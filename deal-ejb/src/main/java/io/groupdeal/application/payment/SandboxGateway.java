package io.groupdeal.application.payment;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.spi.JsonProvider;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The built-in gateway: an HTTP client of the payment sandbox (a service of its own, see
 * {@code infrastructure.sandbox.SandboxServer}), shaped like a real provider's client, so a real provider is one more
 * class like this one. The rules it keeps on its side of the wire:
 * <ul>
 *     <li>every call is bounded: 2 s to connect, {@code deal.payment.timeout} (DEAL_PAYMENT_TIMEOUT, default PT5S)
 *     for the answer; no answer in time, a refused connection, a 5xx, or an answer that is not a payment throws
 *     {@link GatewayUnreachable} (the outcome is unknown; {@link #find} tells it later); a connection that broke
 *     without an answer is tried once more (every call is idempotent);</li>
 *     <li>the key travels as the {@code Idempotency-Key} header, as with real providers, so a retried authorise
 *     answers the first outcome and never charges twice;</li>
 *     <li>a refusal of the sandbox (409: capture of a voided payment, a refund beyond the captured money) and an
 *     unknown payment ref are bugs of the caller: {@link IllegalStateException}; a key the sandbox never saw is an
 *     empty {@link #find}.</li>
 * </ul>
 * It holds no transaction and writes nothing of its own: the sandbox's ledger is the sandbox's.
 */
@ApplicationScoped
@Named("sandbox")
public class SandboxGateway implements PaymentGateway {

    public static final String APPROVE = "tok_ok";
    public static final String DECLINE = "tok_declined";
    public static final String OUTAGE = "tok_error";

    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    private static final Pattern REF = Pattern.compile("[A-Za-z0-9_]{1,40}");
    /** Looked up once: {@code Json.create*} looks the provider up through the ServiceLoader on every call. */
    private static final JsonProvider JSON = JsonProvider.provider();

    @Inject
    private SandboxEndpoint endpoint;

    @Inject
    @ConfigProperty(name = "deal.payment.timeout", defaultValue = "PT5S")
    private Duration timeout;

    private Supplier<URI> address;
    private HttpClient client;

    public SandboxGateway() {}

    private SandboxGateway(URI address, Duration timeout) {
        this.address = () -> address;
        this.timeout = timeout;
        this.client = newClient();
    }

    /** Outside a container (tests, tools): a client of the sandbox at {@code address} that waits {@code timeout}. */
    public static SandboxGateway at(URI address, Duration timeout) {
        return new SandboxGateway(address, timeout);
    }

    @PostConstruct
    void connect() {
        address = new Supplier<>() {
            private volatile URI known;

            /** Asked of the endpoint (an EJB) once: where the sandbox listens does not change while the product runs. */
            @Override
            public URI get() {
                URI at = known;
                if (at == null) {
                    at = endpoint.address();
                    known = at;
                }
                return at;
            }
        };
        client = newClient();
    }

    /**
     * The client's own work runs where it starts: on the calling thread, and on the client's selector thread once the
     * answer arrives, which then completes the caller's wait itself. With the default executor the selector thread
     * hands every answer to a pool thread first, a wake-up more per call (the client took a tenth of the product's
     * CPU in the purchase bench). Nothing here blocks the selector thread: the answers are read as strings.
     */
    private static HttpClient newClient() {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(CONNECT_TIMEOUT)
                .executor(Runnable::run)
                .build();
    }

    @Override
    public Payment authorise(String key, String paymentToken, BigDecimal amount, String currency, boolean capture) {
        String body = JSON.createObjectBuilder()
                .add("token", paymentToken)
                .add("amount", amount)
                .add("currency", currency)
                .add("capture", capture)
                .build()
                .toString();
        HttpRequest request = request("/payments")
                .header("Idempotency-Key", key)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return payment(send(request), "authorise");
    }

    @Override
    public Optional<Payment> find(String key) {
        HttpResponse<String> answer =
                send(request("/payments?key=" + encode(key)).GET().build());
        if (answer.statusCode() == 404) {
            return Optional.empty();
        }
        return Optional.of(payment(answer, "find"));
    }

    @Override
    public Payment cancel(String key) {
        return payment(
                send(request("/payments/cancel?key=" + encode(key))
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build()),
                "cancel");
    }

    @Override
    public Payment capture(String paymentRef) {
        return payment(
                send(request("/payments/" + ref(paymentRef) + "/capture")
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build()),
                "capture");
    }

    @Override
    public Payment refund(String paymentRef, BigDecimal amount, String reference) {
        String body = JSON.createObjectBuilder()
                .add("amount", amount)
                .add("reference", reference)
                .build()
                .toString();
        return payment(
                send(request("/payments/" + ref(paymentRef) + "/refunds")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build()),
                "refund");
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(address.get() + path))
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json");
    }

    /**
     * Sends the request. A connection that breaks without an answer is tried once more: the likeliest cause is a pooled
     * keep-alive connection that the provider closed as the request went out ("header parser received no bytes"), and
     * the providers' own clients retry it too. Every call is idempotent (the key, the payment's ref, the refund's
     * reference), so a second try never charges twice, whatever the first one reached. A timeout is not tried again:
     * the call's bound stays {@code deal.payment.timeout}.
     */
    private HttpResponse<String> send(HttpRequest request) {
        HttpResponse<String> answer = null;
        for (int attempt = 1; answer == null; attempt++) {
            try {
                answer = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            } catch (HttpTimeoutException e) {
                throw unreachable(request, e);
            } catch (IOException e) {
                if (attempt == 2) {
                    throw unreachable(request, e);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new GatewayUnreachable("Interrupted while waiting for the payment sandbox", e);
            }
        }
        if (answer.statusCode() >= 500) {
            throw new GatewayUnreachable("The payment sandbox failed (" + answer.statusCode() + ") on "
                    + request.method() + " " + request.uri().getPath());
        }
        return answer;
    }

    private static GatewayUnreachable unreachable(HttpRequest request, IOException e) {
        return new GatewayUnreachable(
                "The payment sandbox did not answer " + request.method() + " "
                        + request.uri().getPath() + ": " + e,
                e);
    }

    /** The payment of a 200/201 answer; a refusal is the caller's bug; anything else is no answer at all. */
    private static Payment payment(HttpResponse<String> answer, String call) {
        int status = answer.statusCode();
        if (status == 409 || status == 404 || status == 400) {
            throw new IllegalStateException(
                    "The payment sandbox refused " + call + " (" + status + "): " + detail(answer));
        }
        if (status != 200 && status != 201) {
            throw new GatewayUnreachable("The payment sandbox answered " + call + " with " + status);
        }
        try (JsonReader reader = JSON.createReader(new StringReader(answer.body()))) {
            JsonObject json = reader.readObject();
            return new Payment(
                    json.getString("ref"),
                    json.getString("key"),
                    Payment.State.valueOf(json.getString("state")),
                    json.getJsonNumber("amount").bigDecimalValue(),
                    json.getString("currency"),
                    json.getJsonNumber("captured").bigDecimalValue(),
                    json.getJsonNumber("refunded").bigDecimalValue());
        } catch (JsonException
                | ClassCastException
                | NullPointerException
                | IllegalArgumentException
                | IllegalStateException e) {
            throw new GatewayUnreachable("The payment sandbox's answer to " + call + " is not a payment", e);
        }
    }

    private static String detail(HttpResponse<String> answer) {
        try (JsonReader reader = JSON.createReader(new StringReader(answer.body()))) {
            return reader.readObject().getString("detail", "");
        } catch (RuntimeException notJson) {
            return "";
        }
    }

    private static String encode(String key) {
        return URLEncoder.encode(key, StandardCharsets.UTF_8);
    }

    /** A ref is put into a path: only what the sandbox hands out, nothing that could change the path. */
    private static String ref(String paymentRef) {
        if (paymentRef == null || !REF.matcher(paymentRef).matches()) {
            throw new IllegalStateException("Not a sandbox payment ref: " + paymentRef);
        }
        return paymentRef;
    }
}
