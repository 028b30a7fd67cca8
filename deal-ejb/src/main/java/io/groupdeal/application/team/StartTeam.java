package io.groupdeal.application.team;

import io.groupdeal.application.Idempotency;

/** A buyer starts a team of a deal (of one of its options, when it has them), paid with a card token. */
public record StartTeam(String dealId, String optionId, String paymentToken) {

    /** The same request gives the same fingerprint: an idempotency key reused with another body is told apart. */
    public String fingerprint() {
        return Idempotency.fingerprint("team", dealId, optionId, paymentToken);
    }
}
