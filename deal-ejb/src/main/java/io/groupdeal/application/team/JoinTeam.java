package io.groupdeal.application.team;

import io.groupdeal.application.Idempotency;

/** A buyer joins a team, paid with a card token. */
public record JoinTeam(String paymentToken) {

    public String fingerprint(String teamId) {
        return Idempotency.fingerprint("join", teamId, paymentToken);
    }
}
