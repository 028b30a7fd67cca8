package io.groupdeal.application.mail;

import static io.groupdeal.application.mail.MailHtml.escape;

import io.groupdeal.domain.account.Account;
import io.groupdeal.domain.deal.Deal;
import io.groupdeal.domain.deal.DealStatus;
import io.groupdeal.domain.mail.Mail;
import io.groupdeal.domain.shared.Language;
import io.groupdeal.domain.shared.LocalFormats;
import io.groupdeal.domain.tenant.Tenant;
import io.groupdeal.domain.tenant.TenantRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The mails a merchant admin gets when the operator has reviewed one of the tenant's deals: approved (on sale or
 * scheduled) or sent back with the operator's reason. Written in the admin's language, else the tenant's, else English,
 * with the words of the bundle {@code mails} ({@link MailWords}, keys {@code review.*}) and the sales start in the
 * tenant's time zone. Values from people (the title, the reason) are HTML-escaped. One mail per admin per decision: the
 * cause key names the deal, the admin and the moment of the decision.
 */
@ApplicationScoped
public class ReviewMails {

    @Inject
    @ConfigProperty(name = "deal.public-url", defaultValue = "http://localhost:8080")
    private String publicUrl;

    @Inject
    private TenantRepository tenants;

    public Mail approved(Account admin, Deal deal) {
        Optional<Tenant> tenant = tenants.find(admin.tenantId());
        Language language = language(admin, tenant);
        MailWords words = MailWords.of(language);
        String said = deal.status() == DealStatus.SCHEDULED
                ? words.words(
                        "review.approved.scheduled",
                        deal.title(),
                        LocalFormats.dateTime(
                                deal.salesStart(),
                                tenant.<ZoneId>map(Tenant::timeZone).orElse(ZoneOffset.UTC),
                                language))
                : words.words("review.approved.on-sale", deal.title());
        String deals = publicUrl + "/merchant/deals.xhtml";
        String text = words.words("greeting", admin.name()) + "\n\n" + said + "\n\n"
                + words.words("review.link.deals.at", deals) + "\n\nGroupDeal";
        String html = page(
                language,
                "<p>" + escape(words.words("greeting", admin.name())) + "</p><p>" + bold(said, deal.title()) + "</p>"
                        + MailHtml.button(deals, words.words("review.link.deals")));
        return new Mail(
                admin.tenantId(),
                cause("deal-approved", admin, deal),
                admin.email().value(),
                words.words("review.subject.approved", deal.title()),
                text,
                html,
                List.of());
    }

    public Mail rejected(Account admin, Deal deal) {
        Language language = language(admin, tenants.find(admin.tenantId()));
        MailWords words = MailWords.of(language);
        String editor = publicUrl + "/merchant/deal.xhtml?id=" + deal.id();
        String said = words.words("review.rejected", deal.title());
        String text = words.words("greeting", admin.name()) + "\n\n" + said + "\n\n" + words.words("review.reason")
                + "\n" + deal.rejection() + "\n\n" + words.words("review.publish-again.at", editor) + "\n\nGroupDeal";
        String html = page(
                language,
                "<p>" + escape(words.words("greeting", admin.name())) + "</p><p>"
                        + bold(said, deal.title()) + "</p><p><b>"
                        + escape(words.words("review.reason")) + "</b></p>"
                        + "<p style=\"white-space:pre-line;border-left:3px solid #d97706;padding-left:10px\">"
                        + escape(deal.rejection())
                        + "</p><p>" + escape(words.words("review.publish-again")) + "</p>"
                        + MailHtml.button(editor, words.words("review.link.edit")));
        return new Mail(
                admin.tenantId(),
                cause("deal-rejected", admin, deal),
                admin.email().value(),
                words.words("review.subject.rejected", deal.title()),
                text,
                html,
                List.of());
    }

    /** The admin's own language, else the tenant's (which its buyers read too), else English. */
    private static Language language(Account admin, Optional<Tenant> tenant) {
        return admin.language().or(() -> tenant.map(Tenant::language)).orElse(Language.EN);
    }

    /** The sentence escaped, with the deal's title in it bold. */
    private static String bold(String sentence, String title) {
        return escape(sentence).replace(escape(title), "<b>" + escape(title) + "</b>");
    }

    private static String cause(String kind, Account admin, Deal deal) {
        return kind + ":" + deal.id() + ":" + admin.id() + ":"
                + deal.reviewedAt().toEpochMilli();
    }

    /** The mail's page; a review's paragraphs are spaced as a buyer's mail spaces its own. */
    private static String page(Language language, String content) {
        return MailHtml.page(language, "<div style=\"line-height:1.5\">" + content + "</div>");
    }
}
