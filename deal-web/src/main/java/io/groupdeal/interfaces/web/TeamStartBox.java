package io.groupdeal.interfaces.web;

import io.groupdeal.application.team.StartTeam;
import io.groupdeal.application.team.TeamService;
import io.groupdeal.application.team.TeamView;
import io.groupdeal.domain.deal.TeamTerms;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.UUID;

/**
 * The deal page's "start a team" box (拼团), shown when the deal offers a team price. Its form carries an idempotency
 * key made when the page is drawn, so a double click starts one team.
 */
@Named
@RequestScoped
public class TeamStartBox {

    @Inject
    private TeamService teams;

    @Inject
    private DealPage dealPage;

    @Inject
    private CurrentUser user;

    private TeamTerms offer;
    private String key = UUID.randomUUID().toString();
    private String card = "tok_ok";

    private String dealId() {
        return FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap().get("id");
    }

    private TeamTerms offer() {
        if (offer == null) {
            offer = teams.offer(dealId());
        }
        return offer;
    }

    public boolean isOffered() {
        return offer().offered();
    }

    public int getSize() {
        return offer().offered() ? offer().size() : 0;
    }

    public String getPrice() {
        String currency = dealPage.getDeal() == null ? null : dealPage.getDeal().currency();
        return offer().offered() ? io.groupdeal.domain.shared.Money.plain(offer().price(), currency) : "";
    }

    public int getWindowMinutes() {
        return offer().offered() ? offer().windowMinutes() : 0;
    }

    public boolean isBuyer() {
        return user.isBuyer();
    }

    /** Starts the team and opens its page, the link to share; a refusal stays beside the box. */
    public String start() {
        TeamView[] started = new TeamView[1];
        String dealId = dealId();
        if (!Messages.attemptIn("teamStart", () -> started[0] = teams.start(key, new StartTeam(dealId, null, card)))) {
            dealPage.setId(dealId);
            dealPage.load();
            return null;
        }
        FacesContext.getCurrentInstance().getExternalContext().getFlash().setKeepMessages(true);
        Messages.info(TeamWords.of("team.started"));
        return "/team.xhtml?faces-redirect=true&id=" + started[0].team().id();
    }

    public List<jakarta.faces.application.FacesMessage> getMessages() {
        return Messages.of("teamStart");
    }

    public List<DealPage.Card> getCards() {
        return dealPage.getCards();
    }

    public String getKey() { return key; }
    public void setKey(String key) { this.key = key; }
    public String getCard() { return card; }
    public void setCard(String card) { this.card = card; }
}
