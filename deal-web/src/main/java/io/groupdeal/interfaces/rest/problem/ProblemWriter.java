package io.groupdeal.interfaces.rest.problem;

import io.groupdeal.application.problem.Problem;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Writes a problem document straight to a servlet response, where JAX-RS is not involved (authentication). */
public final class ProblemWriter {

    private ProblemWriter() {
    }

    public static void write(HttpServletResponse response, int status, String name, String title, String detail) {
        write(response, status, document(status, name, title, detail).build().toString());
    }

    /**
     * The answer {@link ProblemMapper} gives to {@code problem} (the same status, document and {@code Retry-After}),
     * for a refusal made before JAX-RS reads the request. Extension members may be numbers or text.
     */
    public static void write(HttpServletResponse response, Problem problem) {
        int status = ProblemMapper.status(problem);
        JsonObjectBuilder document = document(status, problem.type(), problem.title(), problem.detail());
        problem.extensions().forEach((name, value) -> {
            if (value instanceof Long || value instanceof Integer) {
                document.add(name, ((Number) value).longValue());
            } else {
                document.add(name, String.valueOf(value));
            }
        });
        ProblemMapper.retryAfterSeconds(problem).ifPresent(seconds -> response.setHeader("Retry-After", Long.toString(seconds)));
        write(response, status, document.build().toString());
    }

    private static JsonObjectBuilder document(int status, String name, String title, String detail) {
        return Json.createObjectBuilder()
                .add("type", "/problems/" + name)
                .add("title", title)
                .add("status", status)
                .add("detail", detail);
    }

    private static void write(HttpServletResponse response, int status, String body) {
        response.setStatus(status);
        response.setContentType(ProblemDocument.MEDIA_TYPE);
        response.setCharacterEncoding("UTF-8");
        if (status == 401) {
            response.setHeader("WWW-Authenticate", "Bearer");
        }
        try {
            response.getWriter().write(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
