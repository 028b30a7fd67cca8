package io.groupdeal.it;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The OpenAPI document as a contract that holds: every answer the ITs' {@link Http} client receives from the API
 * (paths under {@code /api/}) is checked against {@code META-INF/openapi.yaml} with Atlassian's validator, and a
 * mismatch fails the test that received it. The document must therefore name each status an operation answers, its
 * content type and the shape of its body, the hostile requests' problem+json answers included.
 *
 * <p>Only the answer is checked, never the request: tests send malformed requests on purpose. A request to a path or
 * method the document does not have must be answered 404 or 405 with a problem+json body; JAX-RS's automatic
 * {@code HEAD} and {@code OPTIONS} are out of the contract. Pages, {@code /health}, {@code /metrics} and
 * {@code /openapi} are not the API and are not checked.
 */
final class ApiContract {

    /** Failsafe names the document's file; the deal-ear IT, which has no copy of it on its class path, too. */
    static final String DOCUMENT_PROPERTY = "deal.it.openapi";

    private static final String API_PREFIX = "/api/";
    private static final Set<String> UNCHECKED_METHODS = Set.of("HEAD", "OPTIONS");
    private static final String PATH_MISSING = "validation.request.path.missing";
    private static final String METHOD_MISSING = "validation.request.operation.notAllowed";

    private static final OpenApiInteractionValidator VALIDATOR =
            OpenApiInteractionValidator.createForInlineApiSpecification(document())
                    .build();

    private ApiContract() {}

    /**
     * Fails with the validator's messages, the request and the answer when the answer breaks the document.
     *
     * @throws AssertionError when the answer is not one the document allows for this request
     */
    static void check(String method, URI uri, int status, HttpHeaders headers, String body) {
        String path = uri.getRawPath();
        if (path == null || !path.startsWith(API_PREFIX) || UNCHECKED_METHODS.contains(method)) {
            return;
        }
        SimpleResponse.Builder response = SimpleResponse.Builder.status(status);
        headers.map().forEach(response::withHeader);
        if (body != null && !body.isEmpty()) {
            response.withBody(body);
        }
        ValidationReport report = VALIDATOR.validateResponse(path, Request.Method.valueOf(method), response.build());
        boolean undocumentedRoute = report.getMessages().stream()
                .anyMatch(m -> m.getKey().equals(PATH_MISSING) || m.getKey().equals(METHOD_MISSING));
        if (undocumentedRoute) {
            String contentType = headers.firstValue("Content-Type").orElse("").toLowerCase(Locale.ROOT);
            if ((status == 404 || status == 405) && contentType.startsWith("application/problem+json")) {
                return;
            }
        }
        if (report.hasErrors()) {
            String messages = report.getMessages().stream()
                    .filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
                    .map(m -> "  - " + m.getKey() + ": " + m.getMessage())
                    .collect(Collectors.joining("\n"));
            throw new AssertionError("The answer to " + method + " " + uri.getRawPath()
                    + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery())
                    + " breaks the OpenAPI document (deal-web/src/main/resources/META-INF/openapi.yaml):\n" + messages
                    + "\n  answer: " + status + " "
                    + headers.firstValue("Content-Type").orElse("(no Content-Type)")
                    + " " + abbreviated(body));
        }
    }

    private static String abbreviated(String body) {
        if (body == null || body.isEmpty()) {
            return "(no body)";
        }
        return body.length() <= 600 ? body : body.substring(0, 600) + "...";
    }

    private static String document() {
        String file = System.getProperty(DOCUMENT_PROPERTY);
        try {
            if (file != null) {
                return Files.readString(Path.of(file), StandardCharsets.UTF_8);
            }
            try (InputStream in = ApiContract.class.getClassLoader().getResourceAsStream("META-INF/openapi.yaml")) {
                if (in == null) {
                    throw new IllegalStateException("No OpenAPI document: set -D" + DOCUMENT_PROPERTY
                            + " to deal-web/src/main/resources/META-INF/openapi.yaml");
                }
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
