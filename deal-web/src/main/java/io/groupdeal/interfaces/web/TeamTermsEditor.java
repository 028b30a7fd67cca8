package io.groupdeal.interfaces.web;

import io.groupdeal.application.deal.DealService;
import io.groupdeal.application.problem.InvalidInput;
import io.groupdeal.application.problem.NotFound;
import io.groupdeal.domain.deal.Deal;
import io.groupdeal.domain.deal.TeamTerms;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.math.BigDecimal;
import java.util.List;

/**
 * The deal editor's team buy (拼团): size, team price and minutes to fill, saved on their own for a draft (all three
 * empty: no team buy). The domain checks them against the deal's price.
 */
@Named
@RequestScoped
public class TeamTermsEditor {

    @Inject
    private FacesContext faces;

    @EJB
    private DealService deals;

    private String id;
    private boolean editable;
    private boolean shown;
    private Integer size;
    private String price;
    private Integer windowMinutes;

    @PostConstruct
    void read() {
        id = faces.getExternalContext().getRequestParameterMap().get("id");
        if (id == null || id.isBlank()) {
            return;
        }
        try {
            Deal deal = deals.get(id).deal();
            shown = true;
            editable = deal.isEditable();
            TeamTerms team = deal.teamTerms();
            size = team.size();
            price = team.price() == null ? null : team.price().toPlainString();
            windowMinutes = team.windowMinutes();
        } catch (NotFound notFound) {
            shown = false;
        }
    }

    public String save() {
        BigDecimal amount;
        try {
            amount = price == null || price.isBlank() ? null : new BigDecimal(price.strip());
        } catch (NumberFormatException e) {
            Messages.attemptIn("teamTerms", () -> {
                throw new InvalidInput("teamPrice", "decimal-such-as", "9.90");
            });
            return null;
        }
        if (Messages.attemptIn("teamTerms", () -> deals.offerTeam(id, new TeamTerms(size, amount, windowMinutes)))) {
            faces.getExternalContext().getFlash().setKeepMessages(true);
            Messages.info(Words.of("team.editor.saved"));
            return "/merchant/deal.xhtml?faces-redirect=true&id=" + id;
        }
        return null;
    }

    public List<jakarta.faces.application.FacesMessage> getMessages() {
        return Messages.of("teamTerms");
    }

    public boolean isShown() {
        return shown;
    }

    public boolean isEditable() {
        return editable;
    }

    public String getId() {
        return id;
    }

    public Integer getSize() {
        return size;
    }

    public void setSize(Integer size) {
        this.size = size;
    }

    public String getPrice() {
        return price;
    }

    public void setPrice(String price) {
        this.price = price;
    }

    public Integer getWindowMinutes() {
        return windowMinutes;
    }

    public void setWindowMinutes(Integer windowMinutes) {
        this.windowMinutes = windowMinutes;
    }
}
