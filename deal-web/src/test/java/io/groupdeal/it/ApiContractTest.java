package io.groupdeal.it;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpHeaders;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The contract check of the ITs' client fails on each kind of answer the document does not allow, and only then. */
class ApiContractTest {

    private static final String JSON = "application/json";
    private static final String PROBLEM = "application/problem+json";
    private static final String TOKEN = "{\"token\":\"t\",\"expiresAt\":\"2026-11-30T10:00:00Z\",\"role\":\"BUYER\"}";

    @Test
    void anAnswerTheDocumentDescribesPasses() {
        assertDoesNotThrow(() -> check("POST", "/api/v1/auth/tokens", 201, JSON, TOKEN));
        assertDoesNotThrow(() ->
                check("POST", "/api/v1/auth/tokens", 401, PROBLEM + ";charset=UTF-8", problem(401, "bad-credentials")));
        assertDoesNotThrow(() -> check("DELETE", "/api/v1/auth/tokens/current", 204, null, ""));
    }

    @Test
    void aStatusTheOperationDoesNotNameFails() {
        AssertionError failure = assertThrows(
                AssertionError.class, () -> check("GET", "/api/v1/me", 500, PROBLEM, problem(500, "internal-error")));
        assertTrue(
                failure.getMessage().contains("GET /api/v1/me")
                        && failure.getMessage().contains("500"),
                failure::getMessage);
    }

    @Test
    void aBodyOfTheWrongShapeFails() {
        assertThrows(
                AssertionError.class,
                () -> check("POST", "/api/v1/auth/tokens", 201, JSON, "{\"token\":\"t\",\"role\":\"KING\"}"));
        assertThrows(
                AssertionError.class,
                () -> check("POST", "/api/v1/auth/tokens", 401, PROBLEM, "{\"title\":\"no type, no status\"}"));
    }

    @Test
    void aContentTypeTheOperationDoesNotNameFails() {
        assertThrows(AssertionError.class, () -> check("POST", "/api/v1/auth/tokens", 201, "text/html", "<p>hi</p>"));
        assertThrows(
                AssertionError.class,
                () -> check("POST", "/api/v1/auth/tokens", 401, JSON, problem(401, "bad-credentials")));
    }

    @Test
    void aBodyWhereTheDocumentSaysNoneFails() {
        assertThrows(AssertionError.class, () -> check("DELETE", "/api/v1/auth/tokens/current", 204, JSON, "{}"));
    }

    @Test
    void retryAfterIsRequiredWhereTheDocumentSaysSo() {
        assertThrows(
                AssertionError.class,
                () -> check("POST", "/api/v1/auth/tokens", 429, PROBLEM, problem(429, "rate-limited")));
        assertDoesNotThrow(() -> check(
                "POST",
                "/api/v1/auth/tokens",
                429,
                PROBLEM,
                problem(429, "rate-limited"),
                Map.of("Retry-After", List.of("30"))));
    }

    @Test
    void aRouteOutsideTheDocumentMustBeAProblem404Or405() {
        assertDoesNotThrow(() -> check("GET", "/api/v1/nothing-here", 404, PROBLEM, problem(404, "not-found")));
        assertDoesNotThrow(() -> check("PATCH", "/api/v1/me", 405, PROBLEM, problem(405, "method-not-allowed")));
        assertThrows(AssertionError.class, () -> check("GET", "/api/v1/nothing-here", 200, JSON, "{}"));
        assertThrows(AssertionError.class, () -> check("GET", "/api/v1/nothing-here", 404, "text/html", "<p>no</p>"));
    }

    @Test
    void pagesAndOperationsOutsideTheApiAreNotChecked() {
        assertDoesNotThrow(() -> check("GET", "/health/ready", 503, JSON, "{\"status\":\"DOWN\"}"));
        assertDoesNotThrow(() -> check("GET", "/login.xhtml", 200, "text/html", "<html></html>"));
    }

    private static String problem(int status, String name) {
        return "{\"type\":\"/problems/" + name + "\",\"title\":\"T\",\"status\":" + status + ",\"detail\":\"D\"}";
    }

    private static void check(String method, String path, int status, String contentType, String body) {
        check(method, path, status, contentType, body, Map.of());
    }

    private static void check(
            String method, String path, int status, String contentType, String body, Map<String, List<String>> more) {
        Map<String, List<String>> headers = new java.util.HashMap<>(more);
        if (contentType != null) {
            headers.put("Content-Type", List.of(contentType));
        }
        ApiContract.check(
                method,
                URI.create("http://127.0.0.1:8080" + path),
                status,
                HttpHeaders.of(headers, (name, value) -> true),
                body);
    }
}
