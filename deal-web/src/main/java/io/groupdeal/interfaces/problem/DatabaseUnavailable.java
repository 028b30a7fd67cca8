package io.groupdeal.interfaces.problem;

import io.groupdeal.domain.shared.Language;
import io.groupdeal.infrastructure.database.DatabaseOutage;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.Response;
import java.util.logging.Logger;

/**
 * The answer when the database is down, frozen or out of connections ({@link DatabaseOutage}): 503 with
 * {@code Retry-After}, never a 500. A change may or may not have been made: a read that timed out may have been the
 * commit's answer, lost after the commit. So the words say so: a request with an {@code Idempotency-Key} (an order)
 * sent again with the same key answers what the first one became and is never made twice.
 */
public final class DatabaseUnavailable {

    public static final String NAME = "database-unavailable";
    /** Seconds; the data source gives up on the database within about as long. */
    public static final String RETRY_AFTER = "5";

    private static final Logger LOG = Logger.getLogger(DatabaseUnavailable.class.getName());

    private DatabaseUnavailable() {}

    /** True, and logged in one line, when {@code failure} comes from the database being unavailable. */
    public static boolean explains(Throwable failure) {
        if (!DatabaseOutage.isCauseOf(failure)) {
            return false;
        }
        LOG.warning(() -> "Database unavailable, answered 503: " + rootMessage(failure));
        return true;
    }

    public static Response response(Language language) {
        return Response.fromResponse(ProblemDocument.of(503, NAME, language).toResponse())
                .header("Retry-After", RETRY_AFTER)
                .build();
    }

    /** The same answer written straight to a servlet response (authentication, pages), in the request's language. */
    public static void write(HttpServletRequest request, HttpServletResponse response) {
        response.setHeader("Retry-After", RETRY_AFTER);
        ProblemWriter.write(request, response, 503, NAME);
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
