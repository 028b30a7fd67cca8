package io.groupdeal.interfaces.rest.team;

import io.groupdeal.application.team.TeamView;
import java.time.Instant;
import java.util.List;

/** A team as anyone with its link sees it: members by first name only. */
public record TeamDto(String id, String dealId, String dealTitle, int size, List<Member> members, String status,
                      Instant expiresAt, String shareUrl) {

    public record Member(String firstName, Instant joinedAt) {
    }

    public static TeamDto of(TeamView view) {
        return new TeamDto(view.team().id(), view.team().dealId(), view.dealTitle(), view.team().size(),
                view.members().stream().map(m -> new Member(m.firstName(), m.joinedAt())).toList(),
                view.team().status().name(), view.team().expiresAt(), view.shareUrl());
    }
}
