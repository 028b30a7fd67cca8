package io.groupdeal.interfaces.rest.team;

import io.groupdeal.application.team.StartTeam;
import jakarta.validation.constraints.Size;

/** A team as a buyer starts it; the rules are checked by the team service. */
public record TeamRequest(
        @Size(max = 26) String dealId,
        @Size(max = 26) String optionId,
        @Size(max = 100) String paymentToken) {

    public StartTeam toStartTeam() {
        return new StartTeam(dealId, optionId, paymentToken);
    }
}
