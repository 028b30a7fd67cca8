package io.groupdeal.application.team;

import io.groupdeal.application.mail.BuyerMails;
import io.groupdeal.application.mail.Outbox;
import io.groupdeal.application.order.Restock;
import io.groupdeal.application.payment.PaymentTasks;
import io.groupdeal.domain.coupon.CouponRepository;
import io.groupdeal.domain.coupon.CouponStatus;
import io.groupdeal.domain.deal.DealRepository;
import io.groupdeal.domain.order.Order;
import io.groupdeal.domain.order.OrderRepository;
import io.groupdeal.domain.order.OrderStatus;
import io.groupdeal.domain.order.PaymentTask.Kind;
import io.groupdeal.domain.team.Team;
import io.groupdeal.domain.team.TeamRepository;
import io.groupdeal.domain.team.TeamStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;

/**
 * What closing a team does to its members' orders, in the caller's transaction (the team's row locked). The team
 * leaves OPEN by a conditional update, once; each order then moves by a conditional update and owes the gateway a
 * {@link PaymentTasks payment task} only when it moved, carried out after commit, outside any lock; the gateway is
 * idempotent per order besides. So a member is captured once or voided once, whoever retries.
 */
@ApplicationScoped
public class TeamClosing {

    @Inject
    private TeamRepository teams;

    @Inject
    private OrderRepository orders;

    @Inject
    private CouponRepository coupons;

    @Inject
    private DealRepository deals;

    @Inject
    private PaymentTasks payments;

    @Inject
    private Outbox outbox;

    @Inject
    private BuyerMails mails;

    @Inject
    private Restock restock;

    /**
     * An open team (as read with its row locked) whose every seat is taken and paid completes: COMPLETE, every member
     * captured, coupons ACTIVE, members mailed. Nothing otherwise.
     */
    void completeWhenPaid(Team team, String dealTitle, Instant now) {
        if (team.status() == TeamStatus.OPEN
                && team.memberCount() == team.size()
                && teams.paidSeats(team.tenantId(), team.id()) == team.size()
                && teams.close(team.tenantId(), team.id(), TeamStatus.COMPLETE, now)) {
            settle(team, TeamStatus.COMPLETE, dealTitle, now);
        }
    }

    /** Time ran out before every seat was paid: FAILED, every authorisation voided, coupons VOID, stock back. */
    void fail(Team team, String dealTitle, Instant now) {
        if (teams.close(team.tenantId(), team.id(), TeamStatus.FAILED, now)) {
            settle(team, TeamStatus.FAILED, dealTitle, now);
        }
    }

    /**
     * Captures (COMPLETE) or voids (FAILED) the member orders still PENDING: at closing, and later for an order whose
     * payment the reconciler settled after the team closed. Answers whether an order is still waiting for its payment.
     */
    boolean settle(Team team, TeamStatus status, String dealTitle, Instant now) {
        int captured = 0;
        boolean waiting = false;
        for (String orderId : teams.memberOrders(team.tenantId(), team.id())) {
            Order order = orders.find(team.tenantId(), orderId).orElse(null);
            if (order == null) {
                continue;
            }
            if (order.status() == OrderStatus.RESERVED) {
                waiting = true;
            } else if (order.status() == OrderStatus.PENDING && status == TeamStatus.COMPLETE) {
                if (orders.confirm(order.tenantId(), order.id(), now)) {
                    payments.owe(order.tenantId(), order.id(), Kind.CAPTURE, "capture", null);
                    coupons.move(order.tenantId(), order.id(), CouponStatus.PENDING, CouponStatus.ACTIVE, now);
                    outbox.write(mails.teamComplete(
                            mails.recipient(order.buyerId(), order.tenantId()),
                            order,
                            coupons.ofOrder(order.tenantId(), order.id()),
                            dealTitle));
                    captured += order.quantity();
                }
            } else if (order.status() == OrderStatus.PENDING && status == TeamStatus.FAILED) {
                if (orders.cancelAndRelease(order.tenantId(), order.id(), now)) {
                    payments.owe(order.tenantId(), order.id(), Kind.CANCEL, "cancel", null);
                    coupons.move(order.tenantId(), order.id(), CouponStatus.PENDING, CouponStatus.VOID, now);
                    restock.giveBack(order);
                    outbox.write(
                            mails.teamFailed(mails.recipient(order.buyerId(), order.tenantId()), order, dealTitle));
                }
            }
        }
        if (captured > 0) {
            // the team's coupons are paid now: they count towards the deal's tipping point like any paid coupon
            deals.paid(team.tenantId(), team.dealId(), captured, true, now);
        }
        return waiting;
    }
}
