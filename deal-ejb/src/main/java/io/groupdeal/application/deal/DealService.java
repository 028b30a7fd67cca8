package io.groupdeal.application.deal;

import io.groupdeal.application.PageOf;
import io.groupdeal.application.PageRequest;
import io.groupdeal.application.problem.Conflict;
import io.groupdeal.application.problem.InvalidInput;
import io.groupdeal.application.problem.InvalidInput.FieldError;
import io.groupdeal.application.problem.NotFound;
import io.groupdeal.application.problem.Unprocessable;
import io.groupdeal.application.security.Caller;
import io.groupdeal.application.security.CallerAccount;
import io.groupdeal.application.security.TenantScoped;
import io.groupdeal.application.store.OwnStores;
import io.groupdeal.domain.deal.Deal;
import io.groupdeal.domain.deal.DealReport;
import io.groupdeal.domain.deal.DealRepository;
import io.groupdeal.domain.deal.DealStatus;
import io.groupdeal.domain.deal.DealTerms;
import io.groupdeal.domain.deal.TeamTerms;
import io.groupdeal.domain.shared.Ids;
import io.groupdeal.domain.shared.Violation;
import io.groupdeal.domain.store.StoreRepository;
import io.groupdeal.domain.tenant.TenantRepository;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A merchant admin's deals, on the caller's tenant only. Only drafts are edited; publishing refuses an incomplete
 * deal and names every missing or wrong field; a deal's stores are always stores of its own tenant. Another tenant's
 * deal is answered exactly like one that does not exist.
 */
@Stateless
@RolesAllowed("MERCHANT_ADMIN")
@TenantScoped
public class DealService {

    @Inject
    private DealRepository deals;

    @Inject
    private StoreRepository stores;

    @Inject
    private TenantRepository tenants;

    @Inject
    private Caller caller;

    @Inject
    private Clock clock;

    public PageOf<DealView> list(PageRequest request, DealStatus status) {
        List<DealView> views = deals.page(status, request.page(), request.size()).stream().map(this::view).toList();
        return new PageOf<>(views, request.page(), request.size(), deals.count(status));
    }

    public DealView get(String id) {
        return view(find(id));
    }

    public DealView create(DealTerms terms, List<String> storeIds) {
        return create(terms, storeIds, TeamTerms.NONE);
    }

    /** A new draft with its team buy ({@link TeamTerms#NONE}: none). */
    public DealView create(DealTerms terms, List<String> storeIds, TeamTerms team) {
        requireValid(terms, team);
        Set<String> eligible = requireOwnStores(storeIds);
        Deal deal = new Deal(terms, clock.instant());
        deal.offerTeam(team);
        deals.add(deal);
        deals.assignStores(deal.id(), eligible);
        return new DealView(deal, List.copyOf(new java.util.TreeSet<>(eligible)));
    }

    public DealView update(String id, DealTerms terms, List<String> storeIds) {
        Deal deal = find(id);
        return update(id, terms, storeIds, deal.teamTerms());
    }

    /** Changes a draft, its team buy included ({@link TeamTerms#NONE}: none). */
    public DealView update(String id, DealTerms terms, List<String> storeIds, TeamTerms team) {
        Deal deal = find(id);
        requireDraft(deal);
        requireValid(terms, team);
        Set<String> eligible = requireOwnStores(storeIds);
        deal.edit(terms);
        deal.offerTeam(team);
        deals.assignStores(id, eligible);
        return new DealView(deal, List.copyOf(new java.util.TreeSet<>(eligible)));
    }

    /** A complete draft goes on sale now, or is scheduled when its sales start later (422 names what is missing). */
    public DealView publish(String id) {
        Deal deal = find(id);
        requireDraft(deal);
        Instant now = clock.instant();
        List<FieldError> missing = new ArrayList<>(errors(deal.terms().violations(true)));
        if (deal.salesEnd() != null && !deal.salesEnd().isAfter(now)) {
            missing.add(new FieldError("salesEnd", "must be in the future to publish"));
        }
        if (deals.storeIdsOf(id).isEmpty() && stores.count() == 0) {
            missing.add(new FieldError("storeIds", "add a store first: coupons need a place to be redeemed"));
        }
        if (!missing.isEmpty()) {
            throw new Unprocessable("deal-incomplete", "Deal incomplete", "The deal cannot be published yet.", missing);
        }
        deal.publish(now);
        return view(deal);
    }

    /**
     * Cancels a deal that has not ended and marks it for settlement: the settlement job voids its pending orders and
     * refunds the unused coupons of its captured ones, and tells each buyer.
     */
    public DealView cancel(String id) {
        Deal deal = find(id);
        if (!deal.status().isCancellable()) {
            throw new Conflict("deal-not-cancellable", "Deal not cancellable",
                    "A deal that has " + (deal.status() == DealStatus.CANCELLED ? "been cancelled" : "ended") + " cannot be cancelled.");
        }
        deal.cancel(clock.instant());
        return view(deal);
    }

    public DealReport report(String id) {
        Deal deal = find(id);
        return deals.report(tenantId(), deal.id(), timeZone());
    }

    /** The tenant's time zone: by-day figures and the deal editor's dates are in it. */
    public ZoneId timeZone() {
        return tenants.find(tenantId()).map(t -> t.timeZone()).orElse(ZoneOffset.UTC);
    }

    private String tenantId() {
        return caller.account().map(CallerAccount::tenantId).orElseThrow();
    }

    private Deal find(String id) {
        if (!Ids.isWellFormed(id)) {
            throw new NotFound("deal");
        }
        return deals.find(id).orElseThrow(() -> new NotFound("deal"));
    }

    private DealView view(Deal deal) {
        return new DealView(deal, deals.storeIdsOf(deal.id()));
    }

    private static void requireDraft(Deal deal) {
        if (!deal.isEditable()) {
            throw new Conflict("deal-not-editable", "Deal not editable",
                    "Only draft deals can be changed; this one is " + deal.status() + ".");
        }
    }

    /** Sets a draft's team buy alone (the editor's team fields); 422 names what is wrong. */
    public DealView offerTeam(String id, TeamTerms team) {
        Deal deal = find(id);
        requireDraft(deal);
        requireValid(deal.terms(), team);
        deal.offerTeam(team);
        return view(deal);
    }

    private static void requireValid(DealTerms terms, TeamTerms team) {
        List<Violation> violations = new ArrayList<>(terms.violations(false));
        violations.addAll(team.violations(terms.price(), minorDigits(terms.currency())));
        if (!violations.isEmpty()) {
            throw new InvalidInput(errors(violations));
        }
    }

    private static int minorDigits(String currency) {
        try {
            return currency == null ? 2 : Math.max(0, java.util.Currency.getInstance(currency).getDefaultFractionDigits());
        } catch (IllegalArgumentException e) {
            return 2; // the terms' violations name the currency
        }
    }

    private static List<FieldError> errors(List<Violation> violations) {
        return violations.stream().map(v -> new FieldError(v.field(), v.message())).toList();
    }

    private Set<String> requireOwnStores(List<String> storeIds) {
        return OwnStores.require(stores, storeIds);
    }
}
