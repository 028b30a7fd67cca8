package io.groupdeal.application.mail;

import io.groupdeal.domain.account.Account;
import io.groupdeal.domain.deal.Deal;
import io.groupdeal.domain.deal.DealStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The mails a merchant admin gets when the operator has reviewed one of the tenant's deals: approved (on sale or
 * scheduled) or sent back with the operator's reason. Every word of them is here, so that they can move to the mails'
 * language bundles in one piece. Values from people (the title, the reason) are HTML-escaped. One mail per admin per
 * decision: the cause key names the deal, the admin and the moment of the decision.
 */
@ApplicationScoped
public class ReviewMails {

    private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm 'UTC'", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    @Inject
    @ConfigProperty(name = "deal.public-url", defaultValue = "http://localhost:8080")
    private String publicUrl;

    public static String approvedSubject(String title) {
        return "Deal approved: " + title;
    }

    public static String rejectedSubject(String title) {
        return "Deal sent back: " + title;
    }

    public Mail approved(Account admin, Deal deal) {
        String when = deal.status() == DealStatus.SCHEDULED
                ? "It is scheduled: its sales start on " + MOMENT.format(deal.salesStart()) + "."
                : "It is on sale now.";
        String text = "Hello " + admin.name() + ",\n\nThe platform approved your deal \"" + deal.title() + "\". " + when
                + "\n\nOpen your deals: " + publicUrl + "/merchant/deals.xhtml\n\nGroupDeal";
        String html = page("<p>Hello " + escape(admin.name()) + ",</p><p>The platform approved your deal <b>"
                + escape(deal.title()) + "</b>. " + escape(when) + "</p>" + link(publicUrl + "/merchant/deals.xhtml", "Open your deals"));
        return new Mail(admin.tenantId(), cause("deal-approved", admin, deal), admin.email().value(), approvedSubject(deal.title()), text,
                html, List.of());
    }

    public Mail rejected(Account admin, Deal deal) {
        String editor = publicUrl + "/merchant/deal.xhtml?id=" + deal.id();
        String text = "Hello " + admin.name() + ",\n\nThe platform sent your deal \"" + deal.title() + "\" back to you. It is a"
                + " draft again and is not on sale.\n\nThe reason:\n" + deal.rejection() + "\n\nChange the deal and publish it"
                + " again; it will be reviewed again: " + editor + "\n\nGroupDeal";
        String html = page("<p>Hello " + escape(admin.name()) + ",</p><p>The platform sent your deal <b>" + escape(deal.title())
                + "</b> back to you. It is a draft again and is not on sale.</p><p><b>The reason:</b></p>"
                + "<p style=\"white-space:pre-line;border-left:3px solid #d97706;padding-left:10px\">" + escape(deal.rejection())
                + "</p><p>Change the deal and publish it again; it will be reviewed again.</p>" + link(editor, "Edit the deal"));
        return new Mail(admin.tenantId(), cause("deal-rejected", admin, deal), admin.email().value(), rejectedSubject(deal.title()), text,
                html, List.of());
    }

    private static String cause(String kind, Account admin, Deal deal) {
        return kind + ":" + deal.id() + ":" + admin.id() + ":" + deal.reviewedAt().toEpochMilli();
    }

    private static String link(String url, String label) {
        return "<p style=\"margin:18px 0\"><a href=\"" + escape(url) + "\" style=\"background:#4f46e5;color:#fff;padding:10px 16px;"
                + "border-radius:8px;text-decoration:none\">" + escape(label) + "</a></p>";
    }

    private static String page(String content) {
        return "<!doctype html><html><body style=\"margin:0;background:#f5f5f7;font-family:-apple-system,Segoe UI,Roboto,"
                + "Helvetica,Arial,sans-serif;color:#1f2330\"><div style=\"max-width:560px;margin:0 auto;padding:24px\">"
                + "<div style=\"font-weight:700;font-size:18px;margin-bottom:16px\">GroupDeal</div><div style=\"background:#fff;"
                + "border-radius:12px;padding:24px;line-height:1.5\">" + content + "</div></div></body></html>";
    }

    private static String escape(String value) {
        StringBuilder out = new StringBuilder(value.length());
        for (char c : value.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
