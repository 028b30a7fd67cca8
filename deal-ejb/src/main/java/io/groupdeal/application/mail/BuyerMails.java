package io.groupdeal.application.mail;

import io.groupdeal.domain.account.Account;
import io.groupdeal.domain.account.AccountRepository;
import io.groupdeal.domain.catalog.CatalogDeal;
import io.groupdeal.domain.coupon.Coupon;
import io.groupdeal.domain.deal.OptionTitles;
import io.groupdeal.domain.mail.Mail;
import io.groupdeal.domain.order.Order;
import io.groupdeal.domain.shared.Language;
import io.groupdeal.domain.shared.LocalFormats;
import io.groupdeal.domain.tenant.Tenant;
import io.groupdeal.domain.tenant.TenantRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The mails a buyer gets, each as HTML and plain text with the same content, in the buyer's language: the one the
 * buyer chose, else the language of the tenant whose deal it is about, else English. Words come from the bundle
 * {@code mails} ({@link MailWords}), amounts are formatted for the language ({@link LocalFormats}) and days are those
 * of the tenant's time zone. Every value from a merchant or buyer is HTML-escaped. Each mail's cause key makes it
 * unique in the outbox: one confirmation per order, one tipping notice per order, one refund notice per refunded
 * thing, one reminder per coupon.
 */
@ApplicationScoped
public class BuyerMails {

    @Inject
    @ConfigProperty(name = "deal.public-url", defaultValue = "http://localhost:8080")
    private String publicUrl;

    @Inject
    private AccountRepository accounts;

    @Inject
    private TenantRepository tenants;

    /** Where a buyer's mails go, and how they read: in which language, days in which zone. */
    public record Recipient(String email, String name, Language language, ZoneId zone) {

        /** A recipient in English with days in UTC, when nothing else is known. */
        public Recipient(String email, String name) {
            this(email, name, Language.EN, ZoneOffset.UTC);
        }
    }

    /** Why a coupon's money went back, as its refund mail says. */
    public enum RefundCause {
        EXPIRED,
        ASKED
    }

    /** Where the buyer's mails about the tenant's deals go, in the buyer's language or else the tenant's. */
    public Recipient recipient(String buyerId, String tenantId) {
        Account buyer = accounts.find(buyerId).orElseThrow(() -> new IllegalStateException("no buyer " + buyerId));
        Optional<Tenant> tenant = tenants.find(tenantId);
        Language language =
                buyer.language().or(() -> tenant.map(Tenant::language)).orElse(Language.EN);
        return new Recipient(
                buyer.email().value(),
                buyer.name(),
                language,
                tenant.<ZoneId>map(Tenant::timeZone).orElse(ZoneOffset.UTC));
    }

    /**
     * The subject of {@link #orderConfirmed}: what the outbox lists before the mail is written (in English: the
     * purchase does not read the buyer's language; the mail as sent has its subject in the buyer's).
     */
    public static String orderConfirmedSubject(Order order, String dealTitle, Language language) {
        return MailWords.of(language)
                .words(
                        order.status().name().equals("PENDING")
                                ? "subject.confirmed.pending"
                                : "subject.confirmed.paid",
                        dealTitle);
    }

    /** What an order's coupons are for: the deal, and the option bought when the deal has several. */
    private static String titleOf(List<Coupon> coupons, String dealTitle) {
        return coupons.isEmpty()
                ? dealTitle
                : OptionTitles.joined(dealTitle, coupons.get(0).optionTitle());
    }

    public Mail orderConfirmed(Recipient buyer, Order order, List<Coupon> coupons, CatalogDeal deal) {
        boolean pending = order.status().name().equals("PENDING");
        String subject = orderConfirmedSubject(order, deal.title(), buyer.language());
        Body body = new Body(buyer);
        String paid = money(order.amount(), order.currency(), buyer);
        String bought = titleOf(coupons, deal.title());
        body.paragraph(
                pending
                        ? body.words(
                                "confirmed.pending",
                                order.quantity(),
                                bought,
                                deal.merchantName(),
                                deal.minBuyers(),
                                paid)
                        : body.words("confirmed.paid", order.quantity(), bought, deal.merchantName(), paid));
        body.coupons(coupons);
        body.heading(body.words("heading.where"));
        deal.stores().forEach(s -> body.line(s.name() + ", " + s.address()));
        if (!deal.finePrint().isBlank()) {
            body.heading(body.words("heading.finePrint"));
            body.paragraph(deal.finePrint());
        }
        body.paragraph(body.words("valid", day(deal.couponValidUntil(), buyer), order.id()));
        body.link(body.words("link.coupons"), publicUrl + "/account/");
        return body.mail(
                order.tenantId(),
                "order-confirmed:" + order.id(),
                subject,
                coupons.stream().map(c -> c.code().printed()).toList());
    }

    public Mail dealTipped(Recipient buyer, Order order, List<Coupon> coupons, String dealTitle) {
        Body body = new Body(buyer);
        body.paragraph(
                body.words("tipped", titleOf(coupons, dealTitle), money(order.amount(), order.currency(), buyer)));
        body.coupons(coupons);
        body.link(body.words("link.coupons"), publicUrl + "/account/");
        return body.mail(
                order.tenantId(),
                "deal-tipped:" + order.id(),
                body.words("subject.tipped", dealTitle),
                coupons.stream().map(c -> c.code().printed()).toList());
    }

    public Mail dealFailed(Recipient buyer, Order order, String dealTitle) {
        Body body = new Body(buyer);
        body.paragraph(body.words("failed", dealTitle, money(order.amount(), order.currency(), buyer), order.id()));
        return body.mail(
                order.tenantId(), "deal-failed:" + order.id(), body.words("subject.failed", dealTitle), List.of());
    }

    /** The merchant cancelled the deal: the reservation released ({@code refunded} null) or money paid back. */
    public Mail dealCancelled(Recipient buyer, Order order, String dealTitle, BigDecimal refunded) {
        Body body = new Body(buyer);
        body.paragraph(
                refunded == null
                        ? body.words("cancelled.released", dealTitle, money(order.amount(), order.currency(), buyer))
                        : body.words("cancelled.refunded", dealTitle, money(refunded, order.currency(), buyer)));
        return body.mail(
                order.tenantId(),
                "deal-cancelled:" + order.id(),
                body.words("subject.cancelled", dealTitle),
                List.of());
    }

    public Mail refunded(Recipient buyer, Coupon coupon, RefundCause why) {
        Body body = new Body(buyer);
        body.paragraph(body.words(
                "refunded",
                money(coupon.price(), coupon.currency(), buyer),
                coupon.code().printed(),
                coupon.title(),
                body.words("refunded." + why.name().toLowerCase(Locale.ROOT))));
        return body.mail(
                coupon.tenantId(),
                "refunded:" + coupon.id(),
                body.words("subject.refunded", coupon.dealTitle()),
                List.of());
    }

    public Mail expiresSoon(Recipient buyer, Coupon coupon) {
        Body body = new Body(buyer);
        body.paragraph(body.words("expires", coupon.title(), day(coupon.validUntil(), buyer)));
        body.coupons(List.of(coupon));
        body.link(body.words("link.coupons"), publicUrl + "/account/");
        return body.mail(
                coupon.tenantId(),
                "expiry-reminder:" + coupon.id(),
                body.words("subject.expires", coupon.dealTitle()),
                List.of(coupon.code().printed()));
    }

    /** The buyer's team filled: the team price is charged and the coupons are valid. One per order. */
    public Mail teamComplete(Recipient buyer, Order order, List<Coupon> coupons, String dealTitle) {
        Body body = new Body(buyer);
        body.paragraph(body.words("team.complete", dealTitle, money(order.amount(), order.currency(), buyer)));
        body.coupons(coupons);
        body.link(body.words("link.coupons"), publicUrl + "/account/");
        return body.mail(
                order.tenantId(),
                "team-complete:" + order.id(),
                body.words("subject.team.complete", dealTitle),
                coupons.stream().map(c -> c.code().printed()).toList());
    }

    /** The buyer's team did not fill in time: the authorisation is released. One per order. */
    public Mail teamFailed(Recipient buyer, Order order, String dealTitle) {
        Body body = new Body(buyer);
        body.paragraph(
                body.words("team.failed", dealTitle, money(order.amount(), order.currency(), buyer), order.id()));
        return body.mail(
                order.tenantId(), "team-failed:" + order.id(), body.words("subject.team.failed", dealTitle), List.of());
    }

    private static String money(BigDecimal amount, String currency, Recipient buyer) {
        return LocalFormats.amount(amount, currency, buyer.language());
    }

    /** The day of a moment in the recipient's (the tenant's) zone, as the recipient writes days. */
    private static String day(Instant moment, Recipient buyer) {
        return LocalFormats.date(moment.atZone(buyer.zone()).toLocalDate(), buyer.language());
    }

    /** A mail's content written once, as HTML and as text side by side. */
    private static final class Body {

        private final Recipient buyer;
        private final MailWords words;
        private final StringBuilder text = new StringBuilder();
        private final StringBuilder html = new StringBuilder();

        Body(Recipient buyer) {
            this.buyer = buyer;
            this.words = MailWords.of(buyer.language());
            paragraph(words("greeting", buyer.name()));
        }

        String words(String key, Object... values) {
            return words.words(key, values);
        }

        void paragraph(String words) {
            text.append(words).append("\n\n");
            html.append("<p style=\"margin:0 0 14px;line-height:1.5\">")
                    .append(MailHtml.escape(words))
                    .append("</p>");
        }

        void heading(String words) {
            text.append(words.toUpperCase(Locale.ROOT)).append("\n");
            html.append("<h3 style=\"margin:18px 0 6px;font-size:15px\">")
                    .append(MailHtml.escape(words))
                    .append("</h3>");
        }

        void line(String words) {
            text.append("- ").append(words).append("\n");
            html.append("<div style=\"margin:0 0 4px\">")
                    .append(MailHtml.escape(words))
                    .append("</div>");
        }

        void coupons(List<Coupon> coupons) {
            text.append(words("codes")).append("\n");
            html.append("<table role=\"presentation\" style=\"border-collapse:collapse;margin:8px 0 16px\">");
            for (Coupon coupon : coupons) {
                String code = coupon.code().printed();
                text.append("  ").append(code).append("\n");
                html.append("<tr><td style=\"padding:8px 16px 8px 0\"><img src=\"cid:qr-")
                        .append(code)
                        .append("\" width=\"120\" height=\"120\" alt=\"")
                        .append(MailHtml.escape(words("qr.alt", code)))
                        .append("\"></td>")
                        .append("<td style=\"padding:8px 0;font:600 22px/1.2 ui-monospace,Menlo,Consolas,monospace;"
                                + "letter-spacing:2px\">")
                        .append(code)
                        .append("</td></tr>");
            }
            text.append("\n");
            html.append("</table>");
        }

        void link(String label, String url) {
            text.append(label).append(": ").append(url).append("\n\n");
            html.append(MailHtml.button(url, label));
        }

        Mail mail(String tenantId, String causeKey, String subject, List<String> qrCodes) {
            text.append("GroupDeal");
            String page = MailHtml.page(buyer.language(), html.toString());
            return new Mail(tenantId, causeKey, buyer.email(), subject, text.toString(), page, qrCodes);
        }
    }
}
