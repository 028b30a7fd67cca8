package io.groupdeal.application.team;

import io.groupdeal.application.Idempotency;
import io.groupdeal.application.order.OrderService;
import io.groupdeal.application.order.Replays;
import io.groupdeal.application.order.Replays.Purchase;
import io.groupdeal.application.payment.Configured;
import io.groupdeal.application.payment.GatewayUnreachable;
import io.groupdeal.application.payment.Payment;
import io.groupdeal.application.payment.PaymentGateway;
import io.groupdeal.application.problem.Clash;
import io.groupdeal.application.problem.InvalidInput;
import io.groupdeal.application.problem.InvalidInput.FieldError;
import io.groupdeal.application.problem.NotFound;
import io.groupdeal.application.problem.NotPossible;
import io.groupdeal.application.problem.Reason;
import io.groupdeal.application.security.Caller;
import io.groupdeal.application.security.CallerAccount;
import io.groupdeal.application.team.TeamCheckout.Seat;
import io.groupdeal.domain.deal.DealRepository;
import io.groupdeal.domain.deal.DealStatus;
import io.groupdeal.domain.deal.SaleOption;
import io.groupdeal.domain.deal.SaleTerms;
import io.groupdeal.domain.deal.TeamTerms;
import io.groupdeal.domain.order.BuyerQuota;
import io.groupdeal.domain.order.Order;
import io.groupdeal.domain.order.OrderRepository;
import io.groupdeal.domain.order.OrderRepository.KeyUse;
import io.groupdeal.domain.order.OrderStatus;
import io.groupdeal.domain.shared.AccountId;
import io.groupdeal.domain.shared.Ids;
import io.groupdeal.domain.shared.RequestKey;
import io.groupdeal.domain.shared.TenantId;
import io.groupdeal.domain.team.Team;
import io.groupdeal.domain.team.TeamRepository;
import io.groupdeal.infrastructure.database.TransactionConflict;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
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

    private static final Logger LOG = Logger.getLogger(TeamService.class.getName());

    @Inject
    private TeamRepository teams;

    @Inject
    private OrderRepository orders;

    @Inject
    private DealRepository deals;

    @Inject
    private TeamCheckout checkout;

    @Inject
    @Configured
    private PaymentGateway gateway;

    @Inject
    private Caller caller;

    @Inject
    private Clock clock;

    @Inject
    private Replays replays;

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
        token(request.paymentToken(), errors);
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        if (!Ids.isWellFormed(request.dealId())) {
            throw new NotFound("deal");
        }
        if (request.optionId() != null && !Ids.isWellFormed(request.optionId())) {
            throw unknownOption();
        }
        CallerAccount buyer = buyer();
        String fingerprint = request.fingerprint();
        RequestKey requestKey = new RequestKey(new AccountId(buyer.accountId()), key);
        var earlier = orders.keyUse(requestKey);
        if (earlier.isPresent()) {
            return replay(earlier.get(), fingerprint, buyer);
        }
        SaleTerms terms = onSale(deals.saleTerms(request.dealId()).orElseThrow(() -> new NotFound("deal")));
        TeamTerms offer = teams.offer(terms.tenantId(), terms.dealId());
        if (!offer.offered()) {
            throw new Clash("team-not-offered");
        }
        SaleOption option = option(terms, request.optionId());
        ensureQuota(terms, requestKey);
        return pay(
                () -> TransactionConflict.retried(
                                () -> checkout.start(requestKey, fingerprint, terms, offer, option, clock.instant()))
                        .orElse(null),
                requestKey,
                fingerprint,
                buyer,
                request.paymentToken());
    }

    /**
     * The option a new team buys (every member buys it, at the team price): the one named, or the deal's only one. As
     * for orders, a deal of several options needs one named (422 {@code option-required}), and a name that is no
     * option of this deal is 422 {@code unknown-option}.
     */
    private SaleOption option(SaleTerms terms, String optionId) {
        List<SaleOption> options = deals.saleOptions(terms.tenantId(), terms.dealId());
        return SaleOption.chosen(options, optionId)
                .orElseThrow(() -> optionId == null
                        ? new NotPossible(
                                "option-required",
                                Reason.of("option-required.team", options.size()),
                                List.of(FieldError.of("optionId", "required")))
                        : unknownOption());
    }

    private static NotPossible unknownOption() {
        return new NotPossible(
                "unknown-option", Reason.of("unknown-option"), List.of(FieldError.of("optionId", "not-an-option")));
    }

    /** The caller joins the team (authorised at its price); the member who pays its last seat completes it. */
    @RolesAllowed("BUYER")
    public TeamView join(String idempotencyKey, String teamId, JoinTeam request) {
        String key = Idempotency.required(idempotencyKey, "team-member");
        if (request == null) {
            throw new InvalidInput("body", "required");
        }
        List<FieldError> errors = new ArrayList<>();
        token(request.paymentToken(), errors);
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        Team team = findTeam(teamId);
        CallerAccount buyer = buyer();
        String fingerprint = request.fingerprint(team.id());
        RequestKey requestKey = new RequestKey(new AccountId(buyer.accountId()), key);
        var earlier = orders.keyUse(requestKey);
        if (earlier.isPresent()) {
            return replay(earlier.get(), fingerprint, buyer);
        }
        SaleTerms terms = deals.saleTerms(team.tenantId(), team.dealId()).orElseThrow(() -> new NotFound("team"));
        ensureQuota(terms, requestKey);
        return pay(
                () -> TransactionConflict.retried(
                                () -> checkout.join(requestKey, fingerprint, terms, team, clock.instant()))
                        .orElse(null),
                requestKey,
                fingerprint,
                buyer,
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

    private TeamView pay(
            Supplier<Seat> reserving, RequestKey key, String fingerprint, CallerAccount buyer, String token) {
        Seat seat = reserving.get();
        if (seat == null) {
            return replay(orders.keyUse(key).orElseThrow(), fingerprint, buyer);
        }
        Order order = seat.order();
        Payment payment;
        try {
            // authorised only, whatever the deal's tipping: a member is charged when the team fills
            payment = gateway.authorise(order.id(), token, order.amount(), order.currency(), false);
        } catch (GatewayUnreachable e) {
            LOG.log(
                    Level.WARNING,
                    () -> "No answer from the payment gateway for team order " + order.id()
                            + "; the reconciler settles it: " + e);
            throw Purchase.TEAM_SEAT.inProgress();
        }
        switch (payment.state()) {
            case AUTHORISED, CAPTURED ->
                TransactionConflict.retried(
                        () -> checkout.confirm(order, seat.team().id(), payment, clock.instant()));
            case DECLINED -> {
                TransactionConflict.retried(() -> checkout.release(order, OrderStatus.DECLINED, clock.instant()));
                throw Replays.declined();
            }
            default -> {
                TransactionConflict.retried(() -> checkout.release(order, OrderStatus.CANCELLED, clock.instant()));
                throw Replays.failed();
            }
        }
        return view(teams.find(seat.team().tenantId(), seat.team().id()).orElseThrow());
    }

    /** What the key's request became: the team, or the refusal its payment ended in, or "still in progress". */
    private TeamView replay(KeyUse earlier, String fingerprint, CallerAccount buyer) {
        Order order = replays.replay(earlier, fingerprint, new AccountId(buyer.accountId()), Purchase.TEAM_SEAT);
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

    private void ensureQuota(SaleTerms terms, RequestKey key) {
        if (terms.perBuyerLimit() != null) {
            // committed before the reservation counts on it, as for orders (OrderService.place)
            orders.ensureQuota(new BuyerQuota(new TenantId(terms.tenantId()), terms.dealId(), key.account()));
        }
    }

    private static SaleTerms onSale(SaleTerms terms) {
        if (terms.status() != DealStatus.ON_SALE) {
            throw OrderService.notOnSale(terms);
        }
        return terms;
    }

    private static void token(String token, List<FieldError> errors) {
        if (token == null || token.isBlank()) {
            errors.add(FieldError.of("paymentToken", "required"));
        } else if (token.length() > 100) {
            errors.add(FieldError.of("paymentToken", "max-length", 100));
        }
    }

    static Clash closed() {
        return new Clash("team-closed");
    }

    private CallerAccount buyer() {
        return caller.account().orElseThrow(() -> new IllegalStateException("no caller behind a BUYER call"));
    }
}
