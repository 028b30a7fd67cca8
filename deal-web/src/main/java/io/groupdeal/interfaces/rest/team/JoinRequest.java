package io.groupdeal.interfaces.rest.team;

import io.groupdeal.application.team.JoinTeam;
import jakarta.validation.constraints.Size;

/** A buyer joining a team: only the card. */
public record JoinRequest(@Size(max = 100) String paymentToken) {

    public JoinTeam toJoinTeam() {
        return new JoinTeam(paymentToken);
    }
}
