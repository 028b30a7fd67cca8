package io.groupdeal.interfaces.rest.problem;

import jakarta.json.Json;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Writes a problem document straight to a servlet response, where JAX-RS is not involved (authentication). */
public final class ProblemWriter {

    private ProblemWriter() {
    }

    public static void write(HttpServletResponse response, int status, String name, String title, String detail) {
        String body = Json.createObjectBuilder()
                .add("type", "/problems/" + name)
                .add("title", title)
                .add("status", status)
                .add("detail", detail)
                .build()
                .toString();
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
