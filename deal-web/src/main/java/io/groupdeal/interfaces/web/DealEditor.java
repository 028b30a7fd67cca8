package io.groupdeal.interfaces.web;

import io.groupdeal.application.PageRequest;
import io.groupdeal.application.deal.DealService;
import io.groupdeal.application.deal.DealView;
import io.groupdeal.application.store.StoreService;
import io.groupdeal.domain.deal.Deal;
import io.groupdeal.domain.deal.DealTerms;
import io.groupdeal.domain.deal.RefundPolicy;
import io.groupdeal.domain.shared.Money;
import io.groupdeal.domain.store.Store;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Creates and edits a draft deal, with a live preview of the card buyers will see. Dates are entered in the tenant's
 * time zone. Publishing checks completeness and names every missing field.
 */
@Named
@ViewScoped
public class DealEditor extends TypedOffer {

    private static final long serialVersionUID = 1L;

    @Inject
    private FacesContext faces;

    @Inject
    private DealService deals;

    @Inject
    private StoreService stores;

    @Inject
    private DealOptionsEditor options;

    private String id;
    private String status = "DRAFT";
    /** The operator's reason on a draft sent back from review (null: none). */
    private String rejection;

    private String description;
    private String finePrint;
    private String currency = "EUR";
    private Integer minBuyers = 1;
    private Integer perBuyerLimit;
    private String salesStart;
    private String salesEnd;
    private String couponValidUntil;
    private String refundPolicy = "NONE";
    private boolean autoRefundOnExpiry;
    private List<String> storeIds = new ArrayList<>();
    private List<Store> allStores;
    private ZoneId zone;

    /** Called by the view parameter: loads the deal to edit, or starts a new draft. */
    public void load() {
        if (id != null && !id.isBlank()) {
            DealView view;
            try {
                view = deals.get(id);
            } catch (io.groupdeal.application.problem.NotFound notFound) {
                Messages.notFound();
                return;
            }
            Deal deal = view.deal();
            status = deal.status().name();
            rejection = deal.rejection();
            description = deal.description();
            finePrint = deal.finePrint();
            currency = deal.currency();
            show(deal.title(), deal.price(), deal.originalValue(), deal.maxQuantity(), currency);
            minBuyers = deal.minBuyers();
            perBuyerLimit = deal.perBuyerLimit();
            salesStart = local(deal.salesStart());
            salesEnd = local(deal.salesEnd());
            couponValidUntil = local(deal.couponValidUntil());
            refundPolicy = deal.refundPolicy().name();
            autoRefundOnExpiry = deal.autoRefundOnExpiry();
            storeIds = new ArrayList<>(view.storeIds());
        }
    }

    public String save() {
        return store(false);
    }

    public String saveAndPublish() {
        return store(true);
    }

    private String store(boolean publish) {
        boolean[] done = {false};
        Messages.attempt(() -> {
            DealTerms terms = terms();
            var written = options.terms(); // the options fragment's rows; none: one option at the deal's price
            DealView saved = id == null || id.isBlank()
                    ? deals.create(terms, written, storeIds)
                    : deals.update(id, terms, written, storeIds);
            id = saved.deal().id();
            done[0] = true;
        });
        if (!done[0]) {
            return null;
        }
        faces.getExternalContext().getFlash().setKeepMessages(true);
        DealView[] published = new DealView[1];
        if (publish && !Messages.attempt(() -> published[0] = deals.publish(id))) {
            Messages.info(Words.of("page.dealEditor.savedIncomplete"));
            return "/merchant/deal.xhtml?faces-redirect=true&id=" + id;
        }
        if (publish && published[0].deal().isInReview()) {
            Messages.info(Words.of("moderation.published.inReview", getTitle().strip()));
        } else {
            Messages.info(Words.of(
                    publish ? "page.deals.published" : "page.dealEditor.saved",
                    getTitle().strip()));
        }
        return publish
                ? "/merchant/deals.xhtml?faces-redirect=true"
                : "/merchant/deal.xhtml?faces-redirect=true&id=" + id;
    }

    private DealTerms terms() {
        return new DealTerms(
                getTitle(),
                description,
                finePrint,
                blank(currency) ? null : currency.strip().toUpperCase(),
                price("price"),
                originalValue("originalValue"),
                minBuyers,
                getMaxQuantity(),
                perBuyerLimit,
                instant(salesStart, "salesStart"),
                instant(salesEnd, "salesEnd"),
                instant(couponValidUntil, "couponValidUntil"),
                RefundPolicy.valueOf(refundPolicy),
                autoRefundOnExpiry);
    }

    private Instant instant(String local, String field) {
        if (blank(local)) {
            return null;
        }
        try {
            return LocalDateTime.parse(local).atZone(zone()).toInstant();
        } catch (DateTimeParseException e) {
            throw new io.groupdeal.application.problem.InvalidInput(field, "must be a date and time");
        }
    }

    private String local(Instant instant) {
        return instant == null
                ? null
                : LocalDateTime.ofInstant(instant, zone())
                        .truncatedTo(ChronoUnit.MINUTES)
                        .toString();
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    /** The discount shown on the preview card, or null while the prices are not both valid. */
    public Integer getDiscount() {
        try {
            BigDecimal p = new BigDecimal(getPrice().strip());
            BigDecimal v = new BigDecimal(getOriginalValue().strip());
            if (v.signum() <= 0 || p.signum() <= 0 || p.compareTo(v) > 0) {
                return null;
            }
            return Money.discountPercent(p, v);
        } catch (RuntimeException e) {
            return null;
        }
    }

    public boolean isEditable() {
        return "DRAFT".equals(status);
    }

    public boolean isNew() {
        return id == null || id.isBlank();
    }

    private ZoneId zone() {
        if (zone == null) {
            zone = deals.timeZone();
        }
        return zone;
    }

    public String getZoneName() {
        return zone().getId();
    }

    public List<Store> getAllStores() {
        if (allStores == null) {
            allStores = stores.list(new PageRequest(0, PageRequest.MAX_SIZE)).items();
        }
        return allStores;
    }

    public List<String> getCurrencies() {
        return List.of("EUR", "USD", "GBP", "CHF", "CNY", "JPY", "SGD", "AUD", "CAD", "SEK", "NOK", "DKK", "PLN");
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public String getStatus() {
        return status;
    }

    public String getRejection() {
        return rejection;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public String getFinePrint() {
        return finePrint;
    }

    public void setFinePrint(String finePrint) {
        this.finePrint = finePrint;
    }

    public String getCurrency() {
        return currency;
    }

    public void setCurrency(String currency) {
        this.currency = currency;
    }

    public Integer getMinBuyers() {
        return minBuyers;
    }

    public void setMinBuyers(Integer minBuyers) {
        this.minBuyers = minBuyers;
    }

    public Integer getPerBuyerLimit() {
        return perBuyerLimit;
    }

    public void setPerBuyerLimit(Integer perBuyerLimit) {
        this.perBuyerLimit = perBuyerLimit;
    }

    public String getSalesStart() {
        return salesStart;
    }

    public void setSalesStart(String salesStart) {
        this.salesStart = salesStart;
    }

    public String getSalesEnd() {
        return salesEnd;
    }

    public void setSalesEnd(String salesEnd) {
        this.salesEnd = salesEnd;
    }

    public String getCouponValidUntil() {
        return couponValidUntil;
    }

    public void setCouponValidUntil(String couponValidUntil) {
        this.couponValidUntil = couponValidUntil;
    }

    public String getRefundPolicy() {
        return refundPolicy;
    }

    public void setRefundPolicy(String refundPolicy) {
        this.refundPolicy = refundPolicy;
    }

    public boolean isAutoRefundOnExpiry() {
        return autoRefundOnExpiry;
    }

    public void setAutoRefundOnExpiry(boolean autoRefundOnExpiry) {
        this.autoRefundOnExpiry = autoRefundOnExpiry;
    }

    public List<String> getStoreIds() {
        return storeIds;
    }

    public void setStoreIds(List<String> storeIds) {
        this.storeIds = storeIds;
    }
}
