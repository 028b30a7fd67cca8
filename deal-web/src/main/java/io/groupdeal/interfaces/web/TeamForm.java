package io.groupdeal.interfaces.web;

import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;

/**
 * A form that pays for a place in a team (start one, join one): the buyer picks a card, and the form carries an
 * idempotency key made when the page is drawn, so a double click pays once.
 */
public abstract class TeamForm {

    @Inject
    DealPage dealPage;

    private String key = UUID.randomUUID().toString();
    private String card = "tok_ok";

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
