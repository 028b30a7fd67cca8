package io.groupdeal.application.team;

import io.groupdeal.domain.team.Team;
import io.groupdeal.domain.team.TeamMember;
import java.util.List;

/**
 * A team as anyone with its link sees it: its deal, the option it buys ({@code optionTitle}, null when the deal has
 * only one), who is in (first names) and where to share it.
 */
public record TeamView(
        Team team, String dealTitle, String currency, String optionTitle, List<TeamMember> members, String shareUrl) {}
