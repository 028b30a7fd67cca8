package io.groupdeal.interfaces.problem;

import io.groupdeal.application.problem.Problem;
import io.groupdeal.application.problem.Reason;
import io.groupdeal.domain.shared.Language;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Writes a problem document straight to a servlet response, where JAX-RS is not involved (authentication, the
 * request filters), worded in the language of the request's {@code Accept-Language} like the mappers' answers.
 */
public final class ProblemWriter {

    private ProblemWriter() {}

    /** A problem of the interfaces, worded by its name ({@code detail.<name>}) with {@code args}. */
    public static void write(
            HttpServletRequest request, HttpServletResponse response, int status, String name, Object... args) {
        Language language = language(request);
        write(
                response,
                status,
                document(
                                status,
                                name,
                                ProblemWords.title(name, language),
                                ProblemWords.detail(Reason.of(name, args), language))
                        .build()
                        .toString());
    }

    /**
     * The answer {@link ProblemMapper} gives to {@code problem} (the same status, document and {@code Retry-After}),
     * for a refusal made before JAX-RS reads the request. Extension members may be numbers or text.
     */
    public static void write(HttpServletRequest request, HttpServletResponse response, Problem problem) {
        write(language(request), response, problem);
    }

    /** The same, in a language read from the request earlier (an answer written later, from a timer). */
    public static void write(Language language, HttpServletResponse response, Problem problem) {
        int status = ProblemMapper.status(problem);
        JsonObjectBuilder document = document(
                status,
                problem.type(),
                ProblemWords.title(problem.type(), language),
                ProblemWords.detail(problem.reason(), language));
        problem.extensions().forEach((name, value) -> {
            if (value instanceof Long || value instanceof Integer) {
                document.add(name, ((Number) value).longValue());
            } else {
                document.add(name, String.valueOf(value));
            }
        });
        ProblemMapper.retryAfterSeconds(problem)
                .ifPresent(seconds -> response.setHeader("Retry-After", Long.toString(seconds)));
        write(response, status, document.build().toString());
    }

    /** The request's language by its {@code Accept-Language}; English without a request or a language it speaks. */
    public static Language language(HttpServletRequest request) {
        try {
            return ProblemWords.language(request == null ? null : request.getHeader("Accept-Language"));
        } catch (RuntimeException recycled) {
            return Language.EN; // a held request's object may be recycled by the time it is answered
        }
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
