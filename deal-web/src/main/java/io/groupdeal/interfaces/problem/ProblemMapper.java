package io.groupdeal.interfaces.problem;

import io.groupdeal.application.problem.BadCredentials;
import io.groupdeal.application.problem.Busy;
import io.groupdeal.application.problem.Clash;
import io.groupdeal.application.problem.InvalidInput;
import io.groupdeal.application.problem.NoLongerUsable;
import io.groupdeal.application.problem.NotFound;
import io.groupdeal.application.problem.NotPermitted;
import io.groupdeal.application.problem.PaymentDeclined;
import io.groupdeal.application.problem.PaymentUnavailable;
import io.groupdeal.application.problem.Problem;
import io.groupdeal.application.problem.RateLimited;
import io.groupdeal.application.problem.TooLarge;
import io.groupdeal.application.problem.UnsupportedType;
import io.groupdeal.domain.shared.Language;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Map;
import java.util.OptionalLong;

/** The application's own problems: each kind has its HTTP status here, and only here. */
@Provider
public class ProblemMapper implements ExceptionMapper<Problem> {

    @Context
    private HttpHeaders headers;

    @Override
    public Response toResponse(Problem problem) {
        Response response = document(problem, ProblemDocument.language(headers)).toResponse(problem.extensions());
        OptionalLong retryAfter = retryAfterSeconds(problem);
        if (retryAfter.isPresent()) {
            return Response.fromResponse(response)
                    .header("Retry-After", retryAfter.getAsLong())
                    .build();
        }
        return response;
    }

    /** How soon a buyer may ask again after the payment service failed or did not answer. */
    static final long PAYMENT_RETRY_SECONDS = 5;

    /** The {@code Retry-After} of a problem that is over after a while (rate limited, busy, payment unavailable). */
    static OptionalLong retryAfterSeconds(Problem problem) {
        if (problem instanceof RateLimited limited) {
            return OptionalLong.of(limited.retryAfterSeconds());
        }
        if (problem instanceof Busy busy) {
            return OptionalLong.of(busy.retryAfterSeconds());
        }
        if (problem instanceof PaymentUnavailable) {
            return OptionalLong.of(PAYMENT_RETRY_SECONDS); // the same key then answers what the order became
        }
        return OptionalLong.empty();
    }

    static ProblemDocument document(Problem problem, Language language) {
        return ProblemDocument.of(problem, status(problem), language);
    }

    /**
     * The status of each kind of problem; a kind not listed ({@code NotPossible}) is a request the rules refuse, 422.
     * The kinds are unrelated classes, so the order of the list does not matter.
     */
    private static final Map<Class<? extends Problem>, Integer> STATUS = Map.ofEntries(
            Map.entry(InvalidInput.class, 400),
            Map.entry(BadCredentials.class, 401),
            Map.entry(PaymentDeclined.class, 402),
            Map.entry(NotPermitted.class, 403),
            Map.entry(NotFound.class, 404),
            Map.entry(Clash.class, 409),
            Map.entry(NoLongerUsable.class, 410),
            Map.entry(TooLarge.class, 413),
            Map.entry(UnsupportedType.class, 415),
            Map.entry(RateLimited.class, 429),
            Map.entry(PaymentUnavailable.class, 503),
            Map.entry(Busy.class, 503));

    static int status(Problem problem) {
        return STATUS.entrySet().stream()
                .filter(kind -> kind.getKey().isInstance(problem))
                .mapToInt(Map.Entry::getValue)
                .findFirst()
                .orElse(422);
    }
}
