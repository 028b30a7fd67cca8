package io.groupdeal.interfaces.web;

import io.groupdeal.application.team.StartTeam;
import io.groupdeal.application.team.TeamOffer;
import io.groupdeal.application.team.TeamView;
import io.groupdeal.domain.deal.SaleOption;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import java.util.List;

/**
 * The deal page's "start a team" box (拼团), shown when the deal offers a team price. Its form carries an idempotency
 * key made when the page is drawn, so a double click starts one team.
 */
@Named
@RequestScoped
public class TeamStartBox extends TeamForm {

    private TeamOffer offer;

    /** The request parameter of the box's option choice. */
    static final String OPTION = "teamOptionId";

    private String dealId() {
        return faces.getExternalContext().getRequestParameterMap().get("id");
    }

    private TeamOffer offer() {
        if (offer == null) {
            offer = teams.offer(dealId());
        }
        return offer;
    }

    public boolean isOffered() {
        return offer().offered();
    }

    public int getSize() {
        return offer().offered() ? offer().terms().size() : 0;
    }

    /** The team price, formatted by the page in the viewer's language. */
    public java.math.BigDecimal getPrice() {
        return offer().offered() ? offer().terms().price() : null;
    }

    public int getWindowMinutes() {
        return offer().offered() ? offer().terms().windowMinutes() : 0;
    }

    /** Starts the team and opens its page, the link to share; a refusal stays beside the box. */
    public String start() {
        TeamView[] started = new TeamView[1];
        String dealId = dealId();
        if (!Messages.attemptIn(
                "teamStart",
                () -> started[0] = teams.start(getKey(), new StartTeam(dealId, chosenOption(), getCard())))) {
            dealPage.setId(dealId);
            dealPage.load();
            return null;
        }
        faces.getExternalContext().getFlash().setKeepMessages(true);
        Messages.info(Words.of("team.started"));
        return "/team.xhtml?faces-redirect=true&id=" + started[0].team().id();
    }

    public List<jakarta.faces.application.FacesMessage> getMessages() {
        return Messages.of("teamStart");
    }

    /** The deal's options to choose the team's from: shown only when it has several (a deal of one needs none). */
    public List<SaleOption> getOptions() {
        return offer().options().size() < 2 ? List.of() : offer().options();
    }

    public String getCurrency() {
        return offer().currency();
    }

    /** The option chosen in the box (null: none sent, for a deal of one option). */
    private String chosenOption() {
        String sent = faces.getExternalContext().getRequestParameterMap().get(OPTION);
        return sent == null || sent.isBlank() ? null : sent;
    }
}
