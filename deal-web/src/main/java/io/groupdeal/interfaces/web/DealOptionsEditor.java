package io.groupdeal.interfaces.web;

import io.groupdeal.application.deal.DealService;
import io.groupdeal.application.problem.NotFound;
import io.groupdeal.domain.deal.DealOption;
import io.groupdeal.domain.deal.OptionTerms;
import jakarta.annotation.PostConstruct;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * The options rows of the merchant's deal editor ({@code WEB-INF/includes/deal-options-editor.xhtml}): title, price,
 * original value and cap per option, added and removed before the draft is saved. No rows: the deal sells one option
 * at its own price ({@link #terms()} null). A deal of one option made from its price shows no rows.
 */
@Named
@ViewScoped
public class DealOptionsEditor implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private FacesContext faces;

    @Inject
    private DealService deals;

    private final List<Row> rows = new ArrayList<>();
    private boolean editable = true;

    /** One option as typed: text, parsed when the draft is saved. {@code id} keeps an option the draft has. */
    public static class Row extends TypedOffer {
        private static final long serialVersionUID = 1L;
        private String id;

        public String getId() {
            return id;
        }
    }

    /** The edited deal's options (the page's {@code id}), when it has more than the one made from its price. */
    @PostConstruct
    void load() {
        String id = faces.getExternalContext().getRequestParameterMap().get("id");
        if (id == null || id.isBlank()) {
            return;
        }
        try {
            var view = deals.get(id);
            editable = view.deal().isEditable();
            if (view.options().size() > 1) {
                for (DealOption option : view.options()) {
                    Row row = new Row();
                    row.id = option.id();
                    row.show(
                            option.title(),
                            option.price(),
                            option.originalValue(),
                            option.maxQuantity(),
                            view.deal().currency());
                    rows.add(row);
                }
            }
        } catch (NotFound notFound) {
            // the editor itself answers the unknown deal
        }
    }

    /** Adds an empty row (two at first: one option alone is the deal's own price). */
    public void add() {
        do {
            rows.add(new Row());
        } while (rows.size() < 2);
    }

    public void remove(int index) {
        if (index >= 0 && index < rows.size()) {
            rows.remove(index);
        }
    }

    /** The options to save, in their order; null without rows (one option made from the deal's price). */
    public List<OptionTerms> terms() {
        if (rows.isEmpty()) {
            return null;
        }
        List<OptionTerms> terms = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            Row row = rows.get(i);
            terms.add(new OptionTerms(
                    row.id,
                    row.getTitle(),
                    row.price("options[" + i + "].price"),
                    row.originalValue("options[" + i + "].originalValue"),
                    row.getMaxQuantity()));
        }
        return terms;
    }

    public List<Row> getRows() {
        return rows;
    }

    public boolean isEditable() {
        return editable;
    }
}
