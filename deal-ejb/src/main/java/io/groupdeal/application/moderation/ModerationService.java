package io.groupdeal.application.moderation;

import io.groupdeal.application.PageOf;
import io.groupdeal.application.PageRequest;
import io.groupdeal.application.deal.DealView;
import io.groupdeal.application.mail.Outbox;
import io.groupdeal.application.mail.ReviewMails;
import io.groupdeal.application.problem.Clash;
import io.groupdeal.application.problem.NotFound;
import io.groupdeal.application.problem.Reason;
import io.groupdeal.application.security.Caller;
import io.groupdeal.application.security.CallerAccount;
import io.groupdeal.domain.account.Account;
import io.groupdeal.domain.account.AccountRepository;
import io.groupdeal.domain.deal.Deal;
import io.groupdeal.domain.deal.DealInReview;
import io.groupdeal.domain.deal.DealRepository;
import io.groupdeal.domain.mail.Mail;
import io.groupdeal.domain.shared.Ids;
import io.groupdeal.domain.shared.Tenancy;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.function.BiFunction;

/**
 * The operator reviews the deals of moderated tenants: the queue of deals in review across tenants, longest waiting
 * first; approve (the deal is published as its merchant's publish would have done) or reject with a reason (the deal
 * is a draft again). Each decision locks the deal's row and checks it is still in review, so of an approval, a
 * rejection and the merchant's cancellation racing each other exactly one wins and the others answer 409. Every
 * merchant admin of the tenant is mailed the decision through the outbox, in the decision's transaction.
 */
@Stateless
@RolesAllowed("PLATFORM_ADMIN")
public class ModerationService {

    @PersistenceContext(unitName = "deal")
    private EntityManager em;

    @Inject
    private DealRepository deals;

    @Inject
    private AccountRepository accounts;

    @Inject
    private Outbox outbox;

    @Inject
    private ReviewMails mails;

    @Inject
    private Caller caller;

    @Inject
    private Clock clock;

    public PageOf<DealInReview> queue(PageRequest request) {
        return new PageOf<>(
                deals.inReview(request.page(), request.size()), request.page(), request.size(), deals.countInReview());
    }

    /** Publishes a deal in review now, or schedules it; 409 when it is no longer in review or its sales window closed. */
    public DealView approve(String dealId) {
        Instant now = clock.instant();
        String tenantId = tenantOf(dealId);
        Deal deal = inReview(dealId);
        if (deal.salesEnded(now)) {
            throw new Clash("sales-ended");
        }
        deal.approve(operatorId(), now);
        tellAdmins(tenantId, deal, mails::approved);
        return new DealView(deal, deals.storeIdsOf(deal.id()));
    }

    /** Sends a deal in review back to its merchant as a draft with the reason (required, plain text, bounded). */
    public DealView reject(String dealId, String reason) {
        String why = Deal.requireReason(reason);
        String tenantId = tenantOf(dealId);
        Deal deal = inReview(dealId);
        deal.reject(operatorId(), why, clock.instant());
        tellAdmins(tenantId, deal, mails::rejected);
        return new DealView(deal, deals.storeIdsOf(deal.id()));
    }

    /**
     * The deal's tenant, to which this transaction's persistence context is bound from here on: the operator belongs to
     * no tenant, and acts for the deal's tenant as its merchant would. 404 when there is no such deal.
     */
    private String tenantOf(String dealId) {
        if (!Ids.isWellFormed(dealId)) {
            throw new NotFound("deal");
        }
        String tenantId = deals.tenantOf(dealId).orElseThrow(() -> new NotFound("deal"));
        em.setProperty(Tenancy.PROPERTY, tenantId);
        return tenantId;
    }

    /** The deal, locked (see {@link DealRepository#lock}); 404 when there is none, 409 when it is not in review. */
    private Deal inReview(String dealId) {
        Deal deal = deals.lock(dealId).orElseThrow(() -> new NotFound("deal"));
        if (!deal.isInReview()) {
            throw new Clash("deal-not-in-review", Reason.of("deal-not-in-review", deal.status()));
        }
        return deal;
    }

    private void tellAdmins(String tenantId, Deal deal, BiFunction<Account, Deal, Mail> mail) {
        for (Account admin : accounts.adminsOf(tenantId)) {
            outbox.write(mail.apply(admin, deal));
        }
    }

    private String operatorId() {
        return caller.account().map(CallerAccount::accountId).orElseThrow();
    }
}
