package io.groupdeal.application.team;

import io.groupdeal.application.order.Checkout;
import io.groupdeal.application.order.Checkout.Confirmed;
import io.groupdeal.application.order.Checkout.Reserved;
import io.groupdeal.application.order.Restock;
import io.groupdeal.application.payment.Payment;
import io.groupdeal.application.problem.Clash;
import io.groupdeal.domain.deal.DealRepository;
import io.groupdeal.domain.deal.SaleOption;
import io.groupdeal.domain.deal.SaleTerms;
import io.groupdeal.domain.deal.TeamTerms;
import io.groupdeal.domain.order.Order;
import io.groupdeal.domain.order.OrderRepository;
import io.groupdeal.domain.order.OrderStatus;
import io.groupdeal.domain.shared.Ids;
import io.groupdeal.domain.shared.RequestKey;
import io.groupdeal.domain.team.Team;
import io.groupdeal.domain.team.TeamRepository;
import io.groupdeal.domain.team.TeamStatus;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * The short transactions around a team member's payment, each its own, none with a network call: {@link #start} and
 * {@link #join} take a seat (a conditional update: never more than the team's size), the idempotency key, the
 * buyer's quota and the deal's stock ({@link Checkout#reserveWithin}, the same rules as any purchase) and the
 * member's row (one open team per buyer and deal: a unique key), all or nothing; {@link #confirm} records the
 * authorisation with PENDING coupons and completes the team when its last seat is paid; {@link #release} gives a
 * refused payment's seat, stock and quota back.
 */
@Stateless
@PermitAll
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class TeamCheckout {

    @Inject
    private Checkout checkout;

    @Inject
    private TeamRepository teams;

    @Inject
    private OrderRepository orders;

    @Inject
    private DealRepository deals;

    @Inject
    private TeamClosing closing;

    @Inject
    private Restock restock;

    @Resource
    private SessionContext context;

    /**
     * A reserved seat: the team and the member's order, RESERVED until the gateway answered, and the reservation's hold
     * that {@link #confirm} needs ({@link Checkout.Reserved#heldUntil}).
     */
    public record Seat(Team team, Order order, Instant heldUntil) {}

    /** A new team with the buyer's seat; empty when the key was used before (nothing is then written). */
    public Optional<Seat> start(
            RequestKey key, String fingerprint, SaleTerms terms, TeamTerms offer, SaleOption option, Instant when) {
        Instant now = when.truncatedTo(ChronoUnit.MICROS);
        Team team = new Team(
                terms.tenantId(),
                Ids.newId(),
                terms.dealId(),
                option.id(),
                offer.size(),
                offer.price(),
                TeamStatus.OPEN,
                1,
                now.plus(offer.windowMinutes(), ChronoUnit.MINUTES),
                now);
        teams.start(team);
        return seat(key, fingerprint, terms, team, option.title(), now);
    }

    /**
     * The buyer's seat in the team; empty when the key was used before. 409 {@code team-closed} once the team is
     * complete, failed or past its end, {@code team-full} while its seats are all taken (some payments may still be
     * under way, and a refused one frees its seat), {@code already-in-team} when the buyer is in an open team of the
     * deal.
     */
    public Optional<Seat> join(RequestKey key, String fingerprint, SaleTerms terms, Team team, Instant when) {
        Instant now = when.truncatedTo(ChronoUnit.MICROS);
        if (!teams.takeSeat(team.tenantId(), team.id(), now)) {
            Team current = teams.find(team.tenantId(), team.id()).orElse(team);
            if (current.status() != TeamStatus.OPEN || !current.expiresAt().isAfter(now)) {
                throw TeamService.closed();
            }
            throw new Clash("team-full");
        }
        String title = deals.saleOptions(team.tenantId(), team.dealId()).stream()
                .filter(o -> o.id().equals(team.optionId()))
                .map(SaleOption::title)
                .findFirst()
                .orElse("");
        return seat(key, fingerprint, terms, team, title, now);
    }

    /**
     * The order of one coupon of the team's option at the team's price, through the purchase's own reservation: the
     * buyer's quota, the option's cap and the deal's quantity count it like any coupon.
     */
    private Optional<Seat> seat(
            RequestKey key, String fingerprint, SaleTerms terms, Team team, String optionTitle, Instant now) {
        SaleOption atTeamPrice = new SaleOption(team.optionId(), optionTitle, team.unitPrice());
        Reserved reserved = checkout.reserveWithin(key, fingerprint, terms, atTeamPrice, 1, now)
                .orElse(null);
        if (reserved == null) {
            context.setRollbackOnly(); // the key's first request stands; this seat was never taken
            return Optional.empty();
        }
        if (!teams.addMember(team, reserved.order(), now)) {
            throw new Clash("already-in-team");
        }
        return Optional.of(new Seat(team, reserved.order(), reserved.heldUntil()));
    }

    /**
     * The member's card was authorised (never captured here): RESERVED → PENDING with PENDING coupons
     * ({@link Checkout#confirmSeat}, as any paid order's). The team's row is
     * locked first, so members paying at once are counted one after the other, and the one whose payment is the last
     * of the team's seats completes it in this transaction. Empty when the order was settled before, or its reservation
     * claimed by the reconciler (it is no longer held until {@code heldUntil}).
     */
    public Optional<Order> confirm(Seat seat, Payment payment, Instant when) {
        Instant now = when.truncatedTo(ChronoUnit.MICROS);
        Order order = seat.order();
        Team team = teams.lock(order.tenantId(), seat.team().id()).orElse(null);
        Confirmed paid =
                checkout.confirmSeat(order, seat.heldUntil(), payment, now).orElse(null);
        if (paid == null) {
            return Optional.empty();
        }
        if (team != null) {
            closing.completeWhenPaid(team, paid.terms().title(), now);
        }
        return Optional.of(paid.order());
    }

    /** No money came (declined or failed): RESERVED → {@code status}, stock, quota and the team's seat given back. */
    public void release(Order order, OrderStatus status, Instant now) {
        if (!orders.release(order.tenantId(), order.id(), status, now)) {
            return;
        }
        teams.freeSeat(order.tenantId(), order.id()); // the team's row before the quota's, as a seat is taken
        restock.giveBack(order);
    }
}
