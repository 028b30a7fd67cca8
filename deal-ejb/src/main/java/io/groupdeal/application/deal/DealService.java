package io.groupdeal.application.deal;

import io.groupdeal.application.PageOf;
import io.groupdeal.application.PageRequest;
import io.groupdeal.application.problem.Clash;
import io.groupdeal.application.problem.InvalidInput;
import io.groupdeal.application.problem.InvalidInput.FieldError;
import io.groupdeal.application.problem.NotFound;
import io.groupdeal.application.problem.NotPossible;
import io.groupdeal.application.problem.Reason;
import io.groupdeal.application.security.Caller;
import io.groupdeal.application.security.CallerAccount;
import io.groupdeal.application.security.TenantScoped;
import io.groupdeal.application.store.OwnStores;
import io.groupdeal.domain.deal.Deal;
import io.groupdeal.domain.deal.DealOption;
import io.groupdeal.domain.deal.DealReport;
import io.groupdeal.domain.deal.DealRepository;
import io.groupdeal.domain.deal.DealStatus;
import io.groupdeal.domain.deal.DealTerms;
import io.groupdeal.domain.deal.OptionTerms;
import io.groupdeal.domain.deal.TeamTerms;
import io.groupdeal.domain.photo.PhotoRepository;
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
    private PhotoRepository photos;

    @Inject
    private Caller caller;

    @Inject
    private Clock clock;

    public PageOf<DealView> list(PageRequest request, DealStatus status) {
        List<DealView> views = deals.page(status, request.page(), request.size()).stream()
                .map(this::view)
                .toList();
        return new PageOf<>(views, request.page(), request.size(), deals.count(status));
    }

    public DealView get(String id) {
        return view(find(id));
    }

    public DealView create(DealTerms terms, List<String> storeIds) {
        return create(terms, null, storeIds);
    }

    /**
     * A new draft with its options; none given ({@code null}): one option made from the deal's price, original value
     * and maxQuantity. With options, the deal's price and original value are its first option's.
     */
    public DealView create(DealTerms terms, List<OptionTerms> options, List<String> storeIds) {
        return create(terms, options, storeIds, TeamTerms.NONE);
    }

    /** A new draft with its options and its team buy ({@link TeamTerms#NONE}: none). */
    public DealView create(DealTerms terms, List<OptionTerms> options, List<String> storeIds, TeamTerms team) {
        DealTerms priced = requireValid(terms, options, team);
        Set<String> eligible = requireOwnStores(storeIds);
        Deal deal = new Deal(priced, clock.instant());
        deal.offerTeam(team);
        deals.add(deal);
        deals.assignStores(deal.id(), eligible);
        List<DealOption> written =
                deals.writeOptions(deal, options != null ? options : List.of(OptionTerms.single(priced)));
        return new DealView(deal, List.copyOf(new java.util.TreeSet<>(eligible)), written);
    }

    public DealView update(String id, DealTerms terms, List<String> storeIds) {
        return update(id, terms, null, storeIds);
    }

    /**
     * Changes a draft and makes its options exactly {@code options} (an option named by its id is kept); none given
     * ({@code null}): one option made from the deal's price, original value and maxQuantity, keeping the first
     * option's id, as a client that knows no options writes a deal.
     */
    public DealView update(String id, DealTerms terms, List<OptionTerms> options, List<String> storeIds) {
        return update(id, terms, options, storeIds, null);
    }

    /**
     * {@link #update(String, DealTerms, List, List)} with the draft's team buy ({@link TeamTerms#NONE}: none; null:
     * the one it has, checked again against the new prices).
     */
    public DealView update(
            String id, DealTerms terms, List<OptionTerms> options, List<String> storeIds, TeamTerms team) {
        Deal deal = find(id);
        requireDraft(deal);
        TeamTerms offered = team != null ? team : deal.teamTerms();
        DealTerms priced = requireValid(terms, options, offered);
        Set<String> eligible = requireOwnStores(storeIds);
        deal.edit(priced);
        deal.offerTeam(offered);
        deals.assignStores(id, eligible);
        List<OptionTerms> wanted = options;
        if (wanted == null) {
            OptionTerms single = OptionTerms.single(priced);
            String firstId =
                    deals.optionsOf(id).stream().findFirst().map(DealOption::id).orElse(null);
            wanted = List.of(new OptionTerms(
                    firstId, single.title(), single.price(), single.originalValue(), single.maxQuantity()));
        }
        List<DealOption> written = deals.writeOptions(deal, wanted);
        return new DealView(
                deal, List.copyOf(new java.util.TreeSet<>(eligible)), written, photos.ofDeal(tenantId(), id));
    }

    /**
     * A complete draft goes on sale now, or is scheduled when its sales start later (422 names what is missing); a
     * moderated tenant's draft waits IN_REVIEW for the operator instead.
     */
    public DealView publish(String id) {
        Deal deal = lock(id);
        requireDraft(deal);
        Instant now = clock.instant();
        List<FieldError> missing = new ArrayList<>(errors(deal.terms().violations(true)));
        List<OptionTerms> options =
                deals.optionsOf(id).stream().map(DealOption::terms).toList();
        if (options.size() > 1) {
            // the first option's price is the deal's, reported above; the others need theirs too
            missing.addAll(errors(OptionTerms.violations(options, deal.terms(), true).stream()
                    .filter(v -> !v.field().startsWith("options[0]."))
                    .toList()));
        }
        if (deal.salesEnd() != null && !deal.salesEnd().isAfter(now)) {
            missing.add(FieldError.of("salesEnd", "future-to-publish"));
        }
        if (deals.storeIdsOf(id).isEmpty() && stores.count() == 0) {
            missing.add(FieldError.of("storeIds", "store-first"));
        }
        if (!missing.isEmpty()) {
            throw new NotPossible("deal-incomplete", missing);
        }
        deal.publish(now, tenants.find(tenantId()).map(t -> t.isModerated()).orElse(true));
        return view(deal);
    }

    /**
     * Cancels a deal that has not ended and marks it for settlement: the settlement job voids its pending orders and
     * refunds the unused coupons of its captured ones, and tells each buyer.
     */
    public DealView cancel(String id) {
        Deal deal = lock(id);
        if (!deal.status().isCancellable()) {
            throw new Clash(
                    "deal-not-cancellable",
                    Reason.of(
                            deal.status() == DealStatus.CANCELLED
                                    ? "deal-not-cancellable.cancelled"
                                    : "deal-not-cancellable.ended"));
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

    /** The deal with its row locked: the operator's review of it waits, or was done before (see DealRepository#lock). */
    private Deal lock(String id) {
        if (!Ids.isWellFormed(id)) {
            throw new NotFound("deal");
        }
        return deals.lock(id).orElseThrow(() -> new NotFound("deal"));
    }

    private DealView view(Deal deal) {
        return new DealView(
                deal, deals.storeIdsOf(deal.id()), deals.optionsOf(deal.id()), photos.ofDeal(tenantId(), deal.id()));
    }

    private static void requireDraft(Deal deal) {
        if (!deal.isEditable()) {
            throw new Clash(
                    "deal-not-editable",
                    deal.isInReview()
                            ? Reason.of("deal-not-editable.in-review")
                            : Reason.of("deal-not-editable", deal.status()));
        }
    }

    /** Sets a draft's team buy alone (the editor's team fields); 400 names what is wrong. */
    public DealView offerTeam(String id, TeamTerms team) {
        Deal deal = lock(id);
        requireDraft(deal);
        List<Violation> violations = team.violations(
                lowestPrice(
                        deal.terms(),
                        deals.optionsOf(id).stream().map(DealOption::terms).toList()),
                minorDigits(deal.currency()));
        if (!violations.isEmpty()) {
            throw new InvalidInput(errors(violations));
        }
        deal.offerTeam(team);
        return view(deal);
    }

    /**
     * The deal's terms as they are to be stored, once they, the options and the team buy keep every rule (else 400
     * naming each broken one): with options, priced as the first option (the price and original value sent with the
     * deal are not used then, and not checked). The team price lies below every option's price: a team buys the
     * option its starter chose, at the team price.
     */
    private static DealTerms requireValid(DealTerms terms, List<OptionTerms> options, TeamTerms team) {
        List<Violation> violations = new ArrayList<>();
        if (options == null) {
            violations.addAll(terms.violations(false));
        } else {
            violations.addAll(terms.pricedAs(new OptionTerms(null, null, null, null, null))
                    .violations(false));
            violations.addAll(OptionTerms.violations(options, terms, false));
        }
        violations.addAll(team.violations(lowestPrice(terms, options), minorDigits(terms.currency())));
        if (!violations.isEmpty()) {
            throw new InvalidInput(errors(violations));
        }
        return options == null ? terms : terms.pricedAs(options.get(0));
    }

    /** The price a team price must stay below: the lowest option's (the deal's own without options); null: none yet. */
    private static java.math.BigDecimal lowestPrice(DealTerms terms, List<OptionTerms> options) {
        if (options == null) {
            return terms.price();
        }
        return options.stream()
                .filter(o -> o != null && o.price() != null)
                .map(OptionTerms::price)
                .min(java.math.BigDecimal::compareTo)
                .orElse(null);
    }

    private static int minorDigits(String currency) {
        try {
            return currency == null
                    ? 2
                    : Math.max(0, java.util.Currency.getInstance(currency).getDefaultFractionDigits());
        } catch (IllegalArgumentException e) {
            return 2; // the terms' violations name the currency
        }
    }

    private static List<FieldError> errors(List<Violation> violations) {
        return violations.stream()
                .map(v -> new FieldError(v.field(), v.rule(), v.args()))
                .toList();
    }

    private Set<String> requireOwnStores(List<String> storeIds) {
        return OwnStores.require(stores, storeIds);
    }
}
