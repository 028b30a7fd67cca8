package io.groupdeal.application.moderation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import io.groupdeal.application.Wiring;
import io.groupdeal.application.mail.Outbox;
import io.groupdeal.application.mail.ReviewMails;
import io.groupdeal.application.problem.Clash;
import io.groupdeal.application.problem.NotFound;
import io.groupdeal.application.security.CallerAccount;
import io.groupdeal.domain.account.Account;
import io.groupdeal.domain.account.AccountRepository;
import io.groupdeal.domain.account.EmailAddress;
import io.groupdeal.domain.account.Role;
import io.groupdeal.domain.deal.Deal;
import io.groupdeal.domain.deal.DealRepository;
import io.groupdeal.domain.deal.DealStatus;
import io.groupdeal.domain.deal.DealTerms;
import io.groupdeal.domain.deal.RefundPolicy;
import io.groupdeal.domain.mail.Mail;
import io.groupdeal.domain.shared.InvalidValue;
import io.groupdeal.domain.shared.Language;
import io.groupdeal.domain.shared.Tenancy;
import io.groupdeal.domain.tenant.Tenant;
import io.groupdeal.domain.tenant.TenantRepository;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/** What the operator's review decides: which deals it moves, what it refuses, whom it mails and with what. */
class ModerationServiceTest {

    static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");

    private final EntityManager em = mock(EntityManager.class);
    private final DealRepository deals = mock(DealRepository.class);
    private final AccountRepository accounts = mock(AccountRepository.class);
    private final Outbox outbox = mock(Outbox.class);
    private final TenantRepository tenants = mock(TenantRepository.class);
    private final ModerationService service = Wiring.wire(
            new ModerationService(),
            em,
            deals,
            accounts,
            outbox,
            Wiring.wire(Wiring.configure(new ReviewMails(), "publicUrl", "https://deals.example"), tenants),
            Wiring.caller(new CallerAccount(
                    "operator-1", "op@example.com", "Operator", Role.PLATFORM_ADMIN, null, null, 0, null)),
            Clock.fixed(NOW, ZoneOffset.UTC));

    private Deal inReview(Instant salesStart, Instant salesEnd) {
        Deal deal = new Deal(
                new DealTerms(
                        "Tea <for> two",
                        "Two pots",
                        "Weekdays only",
                        "EUR",
                        new BigDecimal("9.90"),
                        new BigDecimal("20.00"),
                        1,
                        10,
                        2,
                        salesStart,
                        salesEnd,
                        salesEnd.plus(Duration.ofDays(30)),
                        RefundPolicy.ANYTIME,
                        false),
                NOW.minusSeconds(7200));
        deal.publish(NOW.minusSeconds(3600), true);
        when(deals.tenantOf(deal.id())).thenReturn(Optional.of("tenant-1"));
        when(deals.lock(deal.id())).thenReturn(Optional.of(deal));
        when(accounts.adminsOf("tenant-1")).thenReturn(List.of(admin("ann@shop.example"), admin("ben@shop.example")));
        return deal;
    }

    private static Account admin(String email) {
        return new Account(
                new EmailAddress(email), "Admin " + email.charAt(0), "hash", Role.MERCHANT_ADMIN, "tenant-1", NOW);
    }

    @Test
    void anApprovalPublishesAsPublishWouldInTheDealsTenantAndMailsEveryAdmin() {
        Deal now = inReview(NOW.minusSeconds(60), NOW.plus(Duration.ofDays(3)));
        assertEquals(DealStatus.ON_SALE, service.approve(now.id()).deal().status());
        verify(em).setProperty(Tenancy.PROPERTY, "tenant-1");
        ArgumentCaptor<Mail> mails = ArgumentCaptor.forClass(Mail.class);
        verify(outbox, org.mockito.Mockito.times(2)).write(mails.capture());
        assertEquals(
                List.of("ann@shop.example", "ben@shop.example"),
                mails.getAllValues().stream().map(Mail::recipient).toList());
        Mail first = mails.getAllValues().get(0);
        assertEquals("Deal approved: Tea <for> two", first.subject());
        assertEquals("tenant-1", first.tenantId());
        assertTrue(first.text().contains("on sale now"), first.text());
        assertTrue(
                first.html().contains("Tea &lt;for&gt; two") && !first.html().contains("<for>"),
                "escaped: " + first.html());

        Deal later = inReview(NOW.plus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(3)));
        assertEquals(DealStatus.SCHEDULED, service.approve(later.id()).deal().status());
    }

    @Test
    void theMailsAreInTheAdminsLanguageElseTheTenantsWithTheSalesStartInItsZone() {
        Tenant shanghai = mock(Tenant.class);
        when(shanghai.language()).thenReturn(Language.ZH_CN);
        when(shanghai.timeZone()).thenReturn(ZoneId.of("Asia/Shanghai"));
        when(tenants.find("tenant-1")).thenReturn(Optional.of(shanghai));
        Deal later = inReview(Instant.parse("2026-03-02T02:00:00Z"), NOW.plus(Duration.ofDays(3)));
        Account english = admin("ben@shop.example");
        english.chooseLanguage(Language.EN);
        when(accounts.adminsOf("tenant-1")).thenReturn(List.of(admin("ann@shop.example"), english));
        service.approve(later.id());
        ArgumentCaptor<Mail> mails = ArgumentCaptor.forClass(Mail.class);
        verify(outbox, org.mockito.Mockito.times(2)).write(mails.capture());
        Mail chinese = mails.getAllValues().get(0);
        assertEquals("团购已通过审核：Tea <for> two", chinese.subject());
        assertTrue(
                chinese.text()
                        .replace('\u202f', ' ')
                        .contains("平台已审核通过您的团购“Tea <for> two”，已排期，将于 2026年3月2日 上午10:00 开售。"),
                chinese.text());
        assertTrue(chinese.html().contains("<b>Tea &lt;for&gt; two</b>"), chinese.html());
        Mail own = mails.getAllValues().get(1);
        assertEquals("Deal approved: Tea <for> two", own.subject(), "the admin chose English");
        assertTrue(own.text().contains("It is scheduled: its sales start on Mar 2, 2026, 10:00"), own.text());

        Deal back = inReview(NOW.minusSeconds(60), NOW.plus(Duration.ofDays(3)));
        when(accounts.adminsOf("tenant-1")).thenReturn(List.of(admin("ann@shop.example")));
        service.reject(back.id(), "请写明营业时间。");
        verify(outbox, org.mockito.Mockito.times(3)).write(mails.capture());
        assertEquals("团购被驳回：Tea <for> two", mails.getValue().subject());
        assertTrue(
                mails.getValue().text().contains("驳回原因：\n请写明营业时间。"),
                mails.getValue().text());
    }

    @Test
    void aRejectionNeedsAReasonBeforeAnythingIsReadAndMailsTheReason() {
        assertEquals(
                "reason",
                assertThrows(InvalidValue.class, () -> service.reject("01AAAAAAAAAAAAAAAAAAAAAAAA", " "))
                        .field());
        verifyNoInteractions(deals, outbox);

        Deal deal = inReview(NOW.minusSeconds(60), NOW.plus(Duration.ofDays(3)));
        Deal rejected = service.reject(deal.id(), "Say which weekdays.").deal();
        assertEquals(DealStatus.DRAFT, rejected.status());
        assertEquals("Say which weekdays.", rejected.rejection());
        ArgumentCaptor<Mail> mails = ArgumentCaptor.forClass(Mail.class);
        verify(outbox, org.mockito.Mockito.times(2)).write(mails.capture());
        assertEquals("Deal sent back: Tea <for> two", mails.getValue().subject());
        assertTrue(mails.getValue().text().contains("Say which weekdays."));
        assertTrue(mails.getValue().text().contains("https://deals.example/merchant/deal.xhtml?id=" + deal.id()));
    }

    @Test
    void aDealNoLongerInReviewOrWhoseSalesEndedIsRefusedAndNobodyIsMailed() {
        Deal ended = inReview(NOW.minus(Duration.ofDays(3)), NOW.minusSeconds(1));
        assertEquals(
                "sales-ended",
                assertThrows(Clash.class, () -> service.approve(ended.id())).type());
        assertEquals(DealStatus.IN_REVIEW, ended.status());

        Deal decided = inReview(NOW.minusSeconds(60), NOW.plus(Duration.ofDays(3)));
        service.reject(decided.id(), "No.");
        org.mockito.Mockito.clearInvocations(outbox);
        assertEquals(
                "deal-not-in-review",
                assertThrows(Clash.class, () -> service.approve(decided.id())).type());
        assertEquals(
                "deal-not-in-review",
                assertThrows(Clash.class, () -> service.reject(decided.id(), "Again."))
                        .type());
        verify(outbox, never()).write(any());
    }

    @Test
    void aMalformedOrUnknownDealIsNotFound() {
        assertThrows(NotFound.class, () -> service.approve("../x"));
        verifyNoInteractions(deals);
        assertThrows(NotFound.class, () -> service.approve("01AAAAAAAAAAAAAAAAAAAAAAAA"));
        verifyNoInteractions(em, outbox);
    }
}
