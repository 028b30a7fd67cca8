package io.groupdeal.application.team;

import io.groupdeal.domain.team.Team;
import io.groupdeal.domain.team.TeamMember;
import java.util.List;

/** A team as anyone with its link sees it: its deal, who is in (first names) and where to share it. */
public record TeamView(Team team, String dealTitle, List<TeamMember> members, String shareUrl) {
}
