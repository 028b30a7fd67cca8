package io.groupdeal.interfaces.rest.team;

import io.groupdeal.application.team.TeamView;
import io.groupdeal.interfaces.money.Amounts;
import java.time.Instant;
import java.util.List;

/**
 * A team as anyone with its link sees it: members by first name only; the option every member buys
 * ({@code optionTitle} absent when the deal has only one) and the price each pays.
 */
public record TeamDto(
        String id,
        String dealId,
        String dealTitle,
        int size,
        List<Member> members,
        String status,
        Instant expiresAt,
        String shareUrl,
        String optionId,
        String optionTitle,
        String price) {

    public record Member(String firstName, Instant joinedAt) {}

    public static TeamDto of(TeamView view) {
        return new TeamDto(
                view.team().id(),
                view.team().dealId(),
                view.dealTitle(),
                view.team().size(),
                view.members().stream()
                        .map(m -> new Member(m.firstName(), m.joinedAt()))
                        .toList(),
                view.team().status().name(),
                view.team().expiresAt(),
                view.shareUrl(),
                view.team().optionId(),
                view.optionTitle(),
                Amounts.format(view.team().unitPrice(), view.currency()));
    }
}
