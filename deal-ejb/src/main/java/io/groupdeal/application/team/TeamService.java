package io.groupdeal.application.team;

import io.groupdeal.application.Idempotency;
import io.groupdeal.application.order.OrderService;
import io.groupdeal.application.order.Purchasing;
import io.groupdeal.application.order.Purchasing.Keyed;
import io.groupdeal.application.order.Replays.Purchase;
import io.groupdeal.application.payment.Payment;
import io.groupdeal.application.problem.Clash;
import io.groupdeal.application.problem.InvalidInput;
import io.groupdeal.application.problem.InvalidInput.FieldError;
import io.groupdeal.application.problem.NotFound;
import io.groupdeal.application.security.Caller;
import io.groupdeal.application.security.CallerAccount;
import io.groupdeal.application.team.TeamCheckout.Seat;
import io.groupdeal.domain.deal.DealRepository;
import io.groupdeal.domain.deal.DealStatus;
import io.groupdeal.domain.deal.SaleOption;
import io.groupdeal.domain.deal.SaleTerms;
import io.groupdeal.domain.deal.TeamTerms;
import io.groupdeal.domain.order.Order;
import io.groupdeal.domain.shared.Ids;
import io.groupdeal.domain.team.Team;
import io.groupdeal.domain.team.TeamRepository;
import io.groupdeal.infrastructure.database.TransactionConflict;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Team buys (拼团). Starting and joining a team is a purchase of one coupon at the team price on the buying path
 * (reserve → pay → confirm, no transaction open while the gateway is asked), always authorised only: the money is
 * captured when the team's last seat is paid, and voided when the team fails ({@link TeamJob}). The Idempotency-Key
 * works as for orders: the same key and body answer what the first request became, another body 422.
 */
@Stateless
@PermitAll
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class TeamService {

    /** The teams a merchant's list shows per deal, newest first. */
    static final int LISTED = 200;

    @Inject
    private TeamRepository teams;

    @Inject
    private DealRepository deals;

    @EJB
    private TeamCheckout checkout;

    @Inject
    private Purchasing purchasing;

    @Inject
    private Caller caller;

    @Inject
    private Clock clock;

    @Inject
    @ConfigProperty(name = "deal.public-url", defaultValue = "http://localhost:8080")
    private String publicUrl;

    /** A new team of the deal, the caller its first member (authorised at the team price). */
    @RolesAllowed("BUYER")
    public TeamView start(String idempotencyKey, StartTeam request) {
        String key = Idempotency.required(idempotencyKey, "team");
        if (request == null) {
            throw new InvalidInput("body", "required");
        }
        List<FieldError> errors = new ArrayList<>();
        if (request.dealId() == null || request.dealId().isBlank()) {
            errors.add(FieldError.of("dealId", "required"));
        }
        Purchasing.checkPaymentToken(request.paymentToken(), errors);
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        Purchasing.requireWellFormed(request.dealId(), request.optionId());
        Keyed keyed = purchasing.keyed(key, request.fingerprint(), Purchase.TEAM_SEAT);
        Optional<Order> earlier = purchasing.earlier(keyed);
        if (earlier.isPresent()) {
            return teamOf(earlier.get());
        }
        SaleTerms terms = onSale(deals.saleTerms(request.dealId()).orElseThrow(() -> new NotFound("deal")));
        TeamTerms offer = teams.offer(terms.tenantId(), terms.dealId());
        if (!offer.offered()) {
            throw new Clash("team-not-offered");
        }
        // every member buys the team's option, at the team price
        SaleOption option = purchasing.option(terms, request.optionId(), Purchase.TEAM_SEAT);
        purchasing.ensureQuota(terms, keyed.key());
        return pay(
                () -> TransactionConflict.retried(() ->
                                checkout.start(keyed.key(), keyed.fingerprint(), terms, offer, option, clock.instant()))
                        .orElse(null),
                keyed,
                request.paymentToken());
    }

    /** The caller joins the team (authorised at its price); the member who pays its last seat completes it. */
    @RolesAllowed("BUYER")
    public TeamView join(String idempotencyKey, String teamId, JoinTeam request) {
        String key = Idempotency.required(idempotencyKey, "team-member");
        if (request == null) {
            throw new InvalidInput("body", "required");
        }
        List<FieldError> errors = new ArrayList<>();
        Purchasing.checkPaymentToken(request.paymentToken(), errors);
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        Team team = findTeam(teamId);
        Keyed keyed = purchasing.keyed(key, request.fingerprint(team.id()), Purchase.TEAM_SEAT);
        Optional<Order> earlier = purchasing.earlier(keyed);
        if (earlier.isPresent()) {
            return teamOf(earlier.get());
        }
        SaleTerms terms = deals.saleTerms(team.tenantId(), team.dealId()).orElseThrow(() -> new NotFound("team"));
        purchasing.ensureQuota(terms, keyed.key());
        return pay(
                () -> TransactionConflict.retried(
                                () -> checkout.join(keyed.key(), keyed.fingerprint(), terms, team, clock.instant()))
                        .orElse(null),
                keyed,
                request.paymentToken());
    }

    /** The team buy a deal on sale offers now, to anyone ({@link TeamOffer#NONE}: none, not on sale, no such deal). */
    public TeamOffer offer(String dealId) {
        if (dealId == null || !Ids.isWellFormed(dealId)) {
            return TeamOffer.NONE;
        }
        SaleTerms terms = deals.saleTerms(dealId)
                .filter(t -> t.status() == DealStatus.ON_SALE)
                .orElse(null);
        if (terms == null) {
            return TeamOffer.NONE;
        }
        TeamTerms offered = teams.offer(terms.tenantId(), terms.dealId());
        return offered.offered()
                ? new TeamOffer(offered, terms.currency(), deals.saleOptions(terms.tenantId(), terms.dealId()))
                : TeamOffer.NONE;
    }

    /** A team as its share link shows it, to anyone. */
    public TeamView get(String teamId) {
        return view(findTeam(teamId));
    }

    /** The teams of one of the caller's deals; another tenant's deal answers like a missing one. */
    @RolesAllowed("MERCHANT_ADMIN")
    public DealTeams ofDeal(String dealId) {
        String tenantId = caller.account().map(CallerAccount::tenantId).orElseThrow();
        if (dealId == null
                || !Ids.isWellFormed(dealId)
                || deals.standing(tenantId, dealId).isEmpty()) {
            throw new NotFound("deal");
        }
        TeamRepository.Counts counts = teams.countsOfDeal(tenantId, dealId);
        return new DealTeams(
                teams.ofDeal(tenantId, dealId, LISTED).stream().map(this::view).toList(),
                counts.formed(),
                counts.complete(),
                counts.failed());
    }

    private TeamView pay(Supplier<Seat> reserving, Keyed keyed, String token) {
        Seat seat = reserving.get();
        if (seat == null) {
            return teamOf(purchasing.earlier(keyed).orElseThrow());
        }
        Order order = seat.order();
        // authorised only, whatever the deal's tipping: a member is charged when the team fills
        Payment payment = purchasing.authorise(order, token, false, Purchase.TEAM_SEAT);
        boolean confirmed = switch (payment.state()) {
            case AUTHORISED, CAPTURED ->
                TransactionConflict.retried(() -> checkout.confirm(seat, payment, clock.instant()))
                        .isPresent();
            default -> throw purchasing.refused(order, payment, checkout::release);
        };
        if (!confirmed) {
            // settled or claimed by the reconciler meanwhile: what it became, answered as the key's replay would
            return teamOf(purchasing.earlier(keyed).orElseThrow());
        }
        return view(teams.find(seat.team().tenantId(), seat.team().id()).orElseThrow());
    }

    /** The team of a member's order: what a key's earlier request became. */
    private TeamView teamOf(Order order) {
        return teams.teamOfOrder(order.tenantId(), order.id())
                .flatMap(id -> teams.find(order.tenantId(), id))
                .map(this::view)
                .orElseThrow(() -> new NotFound("team"));
    }

    private TeamView view(Team team) {
        SaleTerms terms = deals.saleTerms(team.tenantId(), team.dealId()).orElse(null);
        List<SaleOption> options = deals.saleOptions(team.tenantId(), team.dealId());
        String optionTitle = options.size() < 2
                ? null
                : options.stream()
                        .filter(o -> o.id().equals(team.optionId()))
                        .map(SaleOption::title)
                        .findFirst()
                        .orElse(null);
        return new TeamView(
                team,
                terms == null ? "" : terms.title(),
                terms == null ? null : terms.currency(),
                optionTitle,
                teams.members(team.tenantId(), team.id()),
                publicUrl + "/team.xhtml?id=" + team.id());
    }

    private Team findTeam(String teamId) {
        if (teamId == null || !Ids.isWellFormed(teamId)) {
            throw new NotFound("team");
        }
        return teams.find(teamId).orElseThrow(() -> new NotFound("team"));
    }

    private static SaleTerms onSale(SaleTerms terms) {
        if (terms.status() != DealStatus.ON_SALE) {
            throw OrderService.notOnSale(terms);
        }
        return terms;
    }

    static Clash closed() {
        return new Clash("team-closed");
    }
}
