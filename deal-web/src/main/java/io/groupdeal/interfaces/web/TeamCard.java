package io.groupdeal.interfaces.web;

import io.groupdeal.application.team.TeamView;
import io.groupdeal.domain.team.TeamMember;
import java.time.Instant;
import java.util.List;

/**
 * A team as the team page and the deal report show it (拼团): built from what the application answers, not from the
 * API's DTO, so the pages keep working whatever the API's wire format becomes.
 */
public record TeamCard(
        String id,
        String dealId,
        String dealTitle,
        String optionTitle,
        int size,
        List<TeamMember> members,
        String status,
        Instant expiresAt,
        String shareUrl) {

    static TeamCard of(TeamView view) {
        return new TeamCard(
                view.team().id(),
                view.team().dealId(),
                view.dealTitle(),
                view.optionTitle(),
                view.team().size(),
                view.members(),
                view.team().status().name(),
                view.team().expiresAt(),
                view.shareUrl());
    }

    /** A deal's teams for its report: the newest, and how many were formed, completed and failed. */
    public record Report(List<TeamCard> items, long formed, long completed, long failed) {

        static Report of(io.groupdeal.application.team.DealTeams teams) {
            return new Report(
                    teams.teams().stream().map(TeamCard::of).toList(),
                    teams.formed(),
                    teams.completed(),
                    teams.failed());
        }
    }
}
