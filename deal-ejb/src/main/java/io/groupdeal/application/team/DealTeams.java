package io.groupdeal.application.team;

import java.util.List;

/** A deal's teams for its merchant: the newest ones, and how many were formed, completed and failed in all. */
public record DealTeams(List<TeamView> teams, long formed, long completed, long failed) {}
