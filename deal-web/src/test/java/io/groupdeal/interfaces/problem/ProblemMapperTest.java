package io.groupdeal.interfaces.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.groupdeal.application.problem.BadCredentials;
import io.groupdeal.application.problem.Busy;
import io.groupdeal.application.problem.Clash;
import io.groupdeal.application.problem.InvalidInput;
import io.groupdeal.application.problem.NoLongerUsable;
import io.groupdeal.application.problem.NotFound;
import io.groupdeal.application.problem.NotPermitted;
import io.groupdeal.application.problem.NotPossible;
import io.groupdeal.application.problem.PaymentDeclined;
import io.groupdeal.application.problem.PaymentUnavailable;
import io.groupdeal.application.problem.RateLimited;
import io.groupdeal.application.problem.Reason;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** Each kind of problem has its one HTTP status, and those that end after a while say when. */
class ProblemMapperTest {

    @Test
    void eachKindOfProblemHasItsStatus() {
        assertEquals(404, ProblemMapper.status(new NotFound("deal")));
        assertEquals(409, ProblemMapper.status(new Clash("c")));
        assertEquals(403, ProblemMapper.status(new NotPermitted("no-tenant")));
        assertEquals(401, ProblemMapper.status(new BadCredentials()));
        assertEquals(400, ProblemMapper.status(new InvalidInput("f", "m")));
        assertEquals(402, ProblemMapper.status(new PaymentDeclined()));
        assertEquals(410, ProblemMapper.status(new NoLongerUsable("g")));
        assertEquals(429, ProblemMapper.status(new RateLimited("r", 30)));
        assertEquals(503, ProblemMapper.status(new PaymentUnavailable(Reason.of("p"))));
        assertEquals(503, ProblemMapper.status(new Busy(Reason.of("b"), 5)));
        assertEquals(422, ProblemMapper.status(new NotPossible("u", List.of())));
        assertEquals(413, ProblemMapper.status(new io.groupdeal.application.problem.TooLarge("photo-too-large")));
        assertEquals(415, ProblemMapper.status(new io.groupdeal.application.problem.UnsupportedType("photo-type")));
    }

    @Test
    void onlyProblemsThatPassSayWhenToAskAgain() {
        assertEquals(OptionalLong.of(30), ProblemMapper.retryAfterSeconds(new RateLimited("r", 30)));
        assertEquals(OptionalLong.of(7), ProblemMapper.retryAfterSeconds(new Busy(Reason.of("b"), 7)));
        assertEquals(
                OptionalLong.of(ProblemMapper.PAYMENT_RETRY_SECONDS),
                ProblemMapper.retryAfterSeconds(new PaymentUnavailable(Reason.of("p"))));
        assertEquals(OptionalLong.empty(), ProblemMapper.retryAfterSeconds(new Clash("c")));
    }
}
