package io.groupdeal.interfaces.web;

import io.groupdeal.application.problem.NotFound;
import io.groupdeal.application.team.JoinTeam;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A team's page, the link its members share (拼团): anyone sees the deal, who is in (first names) and how long is left;
 * a signed-in buyer joins with a card. The join form carries an idempotency key made when the page is drawn.
 */
@Named
@RequestScoped
public class TeamPage extends TeamForm {

    private String id;
    private TeamCard team;

    public void load() {
        try {
            team = TeamCard.of(teams.get(id));
        } catch (NotFound notFound) {
            Messages.notFound();
        }
    }

    /** Joins the team and shows it again; a refusal (full, closed, declined) stays beside the form. */
    public String join() {
        if (!Messages.attemptIn("join", () -> team = TeamCard.of(teams.join(getKey(), id, new JoinTeam(getCard()))))) {
            load();
            return null;
        }
        faces.getExternalContext().getFlash().setKeepMessages(true);
        // the member who filled the team completed it: charged now, the coupon valid
        Messages.info(Words.of("COMPLETE".equals(team.status()) ? "team.joinedComplete" : "team.joined"));
        return "/team.xhtml?faces-redirect=true&id=" + id;
    }

    public List<jakarta.faces.application.FacesMessage> getMessages() {
        return Messages.of("join");
    }

    /**
     * Whether the team takes members now. On the join form's postback the view action has not run yet when the form's
     * presence is decided: the team is then read from the request's id (the form carries it).
     */
    public boolean isOpen() {
        if (team == null) {
            String requested =
                    faces.getExternalContext().getRequestParameterMap().get("id");
            if (requested == null) {
                return false;
            }
            try {
                id = requested;
                team = TeamCard.of(teams.get(requested));
            } catch (NotFound notFound) {
                return false;
            }
        }
        return "OPEN".equals(team.status()) && team.expiresAt().isAfter(Instant.now());
    }

    /** Whole minutes left, at least 1 while the team is open. */
    public long getMinutesLeft() {
        return team == null
                ? 0
                : Math.max(1, Duration.between(Instant.now(), team.expiresAt()).toMinutes());
    }

    public String getShareUrl() {
        return team == null ? "" : team.shareUrl();
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public TeamCard getTeam() {
        return team;
    }
}
