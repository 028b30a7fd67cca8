package io.groupdeal.application.team;

import io.groupdeal.domain.deal.DealRepository;
import io.groupdeal.domain.order.Order;
import io.groupdeal.domain.order.OrderRepository;
import io.groupdeal.domain.order.OrderStatus;
import io.groupdeal.domain.team.Team;
import io.groupdeal.domain.team.TeamRepository;
import io.groupdeal.domain.team.TeamStatus;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * One team's turn of the {@link TeamJob}, in a transaction of its own that holds the team's row: an instance that
 * finds it held skips it ({@code SKIP LOCKED}), so any number of instances may run the job. An open team past its
 * end fails; an open team whose seats are all paid (a payment the reconciler settled) completes; a closed team's
 * orders still pending are captured or voided; a seat whose payment never came is given back.
 */
@Stateless
@PermitAll
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class TeamBatch {

    @Inject
    private TeamRepository teams;

    @Inject
    private OrderRepository orders;

    @Inject
    private DealRepository deals;

    @Inject
    private TeamClosing closing;

    @Inject
    private Clock clock;

    public void settle(Team due) {
        Team team = teams.lockUnlessTaken(due.tenantId(), due.id()).orElse(null);
        if (team == null) {
            return;
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        String title = deals.standing(team.tenantId(), team.dealId())
                .map(s -> s.title())
                .orElse("");
        if (team.status() == TeamStatus.OPEN) {
            freeUnpaidSeats(team);
            team = teams.find(team.tenantId(), team.id()).orElse(null);
            if (team == null) {
                return; // its only seat was never paid
            }
            if (!team.expiresAt().isAfter(now)) {
                closing.fail(team, title, now);
            } else {
                closing.completeWhenPaid(team, title, now);
            }
            team = teams.find(team.tenantId(), team.id()).orElseThrow();
        }
        if (team.status() != TeamStatus.OPEN && !closing.settle(team, team.status(), title, now)) {
            teams.settled(team.tenantId(), team.id());
        }
    }

    /** Seats of orders released without payment (the reconciler does not know teams) go back to the team. */
    private void freeUnpaidSeats(Team team) {
        for (String orderId : teams.memberOrders(team.tenantId(), team.id())) {
            Order order = orders.find(team.tenantId(), orderId).orElse(null);
            if (order != null
                    && (order.status() == OrderStatus.DECLINED
                            || (order.status() == OrderStatus.CANCELLED && order.paymentRef() == null))) {
                teams.freeSeat(team.tenantId(), orderId);
            }
        }
    }
}
