package io.groupdeal.interfaces.rest.team;

import io.groupdeal.application.team.DealTeams;
import java.util.List;

/** A deal's teams for its merchant, with how many were formed, completed and failed. */
public record DealTeamsDto(List<TeamDto> items, long formed, long completed, long failed) {

    public static DealTeamsDto of(DealTeams teams) {
        return new DealTeamsDto(
                teams.teams().stream().map(TeamDto::of).toList(), teams.formed(), teams.completed(), teams.failed());
    }
}
