package io.groupdeal.interfaces.web;

import io.groupdeal.domain.catalog.CatalogDeal;
import io.groupdeal.domain.catalog.CatalogDeal.CatalogOption;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/**
 * The option a buyer picks on a deal's page ({@code WEB-INF/includes/deal-option-choice.xhtml}, radio cards named
 * {@code optionId} in the buy form). Shown only for a deal of several options; the one picked before a refused order
 * stays picked, else the first that is not sold out.
 */
@Named
@RequestScoped
public class DealOptionChoice {

    @Inject
    private FacesContext faces;

    static final String PARAMETER = "optionId";

    /** The option sent with the buy form; null when none was (a deal of one option needs none). */
    public String getSent() {
        String sent = faces.getExternalContext().getRequestParameterMap().get(PARAMETER);
        return sent == null || sent.isBlank() || sent.length() > 26 ? null : sent;
    }

    /** Whether this option's card is checked when the page is drawn. */
    public boolean checked(CatalogDeal deal, String optionId) {
        String sent = getSent();
        if (sent != null && deal.options().stream().anyMatch(o -> o.id().equals(sent))) {
            return sent.equals(optionId);
        }
        return deal.options().stream()
                .filter(DealOptionChoice::available)
                .findFirst()
                .map(o -> o.id().equals(optionId))
                .orElse(false);
    }

    /** An option of which at least one coupon is left. */
    public static boolean available(CatalogOption option) {
        return option.remaining() == null || option.remaining() > 0;
    }

    public boolean shown(CatalogDeal deal) {
        return deal != null && deal.options() != null && deal.options().size() > 1;
    }

    public List<CatalogOption> of(CatalogDeal deal) {
        return deal == null ? List.of() : deal.options();
    }
}
