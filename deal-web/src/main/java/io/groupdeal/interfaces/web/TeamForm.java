package io.groupdeal.interfaces.web;

import io.groupdeal.application.team.TeamService;
import jakarta.ejb.EJB;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;

/**
 * A form that pays for a place in a team (start one, join one), shown to a signed-in buyer: the buyer picks a card,
 * and the form carries an idempotency key made when the page is drawn, so a double click pays once.
 */
public abstract class TeamForm {

    @Inject
    FacesContext faces;

    @EJB
    TeamService teams;

    @Inject
    DealPage dealPage;

    @Inject
    private CurrentUser user;

    private String key = UUID.randomUUID().toString();
    private String card = "tok_ok";

    /** Whether the form is offered: only a signed-in buyer pays for a place. */
    public boolean isBuyer() {
        return user.isBuyer();
    }

    /** The cards to pay with, the deal page's. */
    public List<DealPage.Card> getCards() {
        return dealPage.getCards();
    }

    public String getKey() {
        return key;
    }

    public void setKey(String key) {
        this.key = key;
    }

    public String getCard() {
        return card;
    }

    public void setCard(String card) {
        this.card = card;
    }
}
