package io.groupdeal.interfaces.web;

import io.groupdeal.domain.shared.Language;
import io.groupdeal.infrastructure.database.TransactionConflict;
import io.groupdeal.interfaces.problem.DatabaseUnavailable;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * A page that failed because the database is down or frozen answers 503 with a friendly "try again" page and
 * {@code Retry-After}, not the generic error page of a bug (the API's own answer comes from its exception mappers).
 * The page is written here, without Faces: rendering the layout would ask the database again.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class DatabaseOutageFilter extends HttpFilter {

    private static final String PAGE = """
            <!DOCTYPE html>
            <html lang="%2$s"><head><meta charset="utf-8"/><meta name="viewport" content="width=device-width, initial-scale=1"/>
            <title>%3$s · GroupDeal</title><link rel="stylesheet" href="%1$s/jakarta.faces.resource/css/app.css.xhtml"/></head>
            <body class="guest"><main class="content"><section class="card empty-state">
            <h2>%4$s</h2>
            <p class="muted">%5$s</p>
            <a class="btn btn-primary" href="%1$s/">%6$s</a>
            </section></main></body></html>
            """;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        try {
            chain.doFilter(request, response);
        } catch (ServletException | IOException | RuntimeException failure) {
            // A transaction the database rolled back because of others (a deadlock, a Galera certification failure)
            // changed nothing either: the same "try again" answer.
            if (response.isCommitted()
                    || !(TransactionConflict.isCauseOf(failure) || DatabaseUnavailable.explains(failure))) {
                throw failure;
            }
            answer(request, response);
        }
    }

    /** The 503 answer for a request that met the database down: problem+json for the API, the page for the rest. */
    public static void answer(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.reset();
        if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            DatabaseUnavailable.write(request, response);
            return;
        }
        response.setStatus(503);
        response.setHeader("Retry-After", DatabaseUnavailable.RETRY_AFTER);
        response.setHeader("Cache-Control", "no-store");
        response.setContentType("text/html");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        String contextPath =
                request.getContextPath().replace("\"", "").replace("<", "").replace("&", "");
        // Without Faces and without the database: the visitor's cookie or the browser's Accept-Language decides.
        Language language = PageLanguage.of(request, Optional.empty());
        response.getWriter()
                .write(PAGE.formatted(
                        contextPath,
                        language.tag(),
                        Words.of(language.locale(), "page.outage.title"),
                        Words.of(language.locale(), "page.outage.heading"),
                        Words.of(language.locale(), "page.outage.text"),
                        Words.of(language.locale(), "page.outage.retry")));
    }
}
