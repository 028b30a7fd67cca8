package io.groupdeal.application.mail;

import io.groupdeal.domain.account.AccountRepository;
import io.groupdeal.domain.catalog.CatalogDeal;
import io.groupdeal.domain.coupon.Coupon;
import io.groupdeal.domain.order.Order;
import io.groupdeal.domain.shared.Money;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The mails a buyer gets, each as HTML and plain text with the same content. Every value from a merchant or buyer
 * is HTML-escaped. Each mail's cause key makes it unique in the outbox: one confirmation per order, one tipping
 * notice per order, one refund notice per refunded thing, one reminder per coupon.
 */
@ApplicationScoped
public class BuyerMails {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    @Inject
    @ConfigProperty(name = "deal.public-url", defaultValue = "http://localhost:8080")
    private String publicUrl;

    @Inject
    private AccountRepository accounts;

    public record Recipient(String email, String name) {
    }

    /** Where the buyer's mails go. */
    public Recipient recipient(String buyerId) {
        return accounts.find(buyerId).map(a -> new Recipient(a.email().value(), a.name()))
                .orElseThrow(() -> new IllegalStateException("no buyer " + buyerId));
    }

    /** The subject of {@link #orderConfirmed}: what the outbox lists before the mail is written. */
    public static String orderConfirmedSubject(Order order, String dealTitle) {
        return (order.status().name().equals("PENDING") ? "Order received: " : "Your coupons: ") + dealTitle;
    }

    public Mail orderConfirmed(Recipient buyer, Order order, List<Coupon> coupons, CatalogDeal deal) {
        boolean pending = order.status().name().equals("PENDING");
        String subject = orderConfirmedSubject(order, deal.title());
        Body body = new Body(buyer);
        body.paragraph(pending
                ? "Thank you for your order of " + order.quantity() + " × " + deal.title() + " from " + deal.merchantName()
                        + ". The deal is on once " + deal.minBuyers() + " coupons are sold: until then "
                        + money(order.amount(), order.currency()) + " is only reserved on your card, and your coupons"
                        + " are not valid yet. We will write to you when the deal is on, or when it fails (then the"
                        + " reservation is released and nothing is charged)."
                : "Thank you for your order of " + order.quantity() + " × " + deal.title() + " from " + deal.merchantName()
                        + ". We charged " + money(order.amount(), order.currency()) + ". Show a code at the counter to use"
                        + " a coupon.");
        body.coupons(coupons);
        body.heading("Where to use them");
        deal.stores().forEach(s -> body.line(s.name() + ", " + s.address()));
        if (!deal.finePrint().isBlank()) {
            body.heading("Fine print");
            body.paragraph(deal.finePrint());
        }
        body.paragraph("Valid until " + DAY.format(deal.couponValidUntil()) + ". Order " + order.id() + ".");
        body.link("Open my coupons", publicUrl + "/account/");
        return body.mail(order.tenantId(), "order-confirmed:" + order.id(), subject,
                coupons.stream().map(c -> c.code().printed()).toList());
    }

    public Mail dealTipped(Recipient buyer, Order order, List<Coupon> coupons, String dealTitle) {
        Body body = new Body(buyer);
        body.paragraph("Good news: enough people bought " + dealTitle + ", so the deal is on. We charged "
                + money(order.amount(), order.currency()) + " and your coupons are valid now.");
        body.coupons(coupons);
        body.link("Open my coupons", publicUrl + "/account/");
        return body.mail(order.tenantId(), "deal-tipped:" + order.id(), "The deal is on: " + dealTitle,
                coupons.stream().map(c -> c.code().printed()).toList());
    }

    public Mail dealFailed(Recipient buyer, Order order, String dealTitle) {
        Body body = new Body(buyer);
        body.paragraph("Not enough people bought " + dealTitle + " before the sale closed, so the deal did not happen."
                + " The " + money(order.amount(), order.currency()) + " reserved on your card is released; nothing was"
                + " charged. Your coupons of order " + order.id() + " are void.");
        return body.mail(order.tenantId(), "deal-failed:" + order.id(), "The deal did not happen: " + dealTitle, List.of());
    }

    /** The merchant cancelled the deal: the reservation released ({@code refunded} null) or money paid back. */
    public Mail dealCancelled(Recipient buyer, Order order, String dealTitle, BigDecimal refunded) {
        Body body = new Body(buyer);
        body.paragraph(refunded == null
                ? "The merchant cancelled " + dealTitle + ". The " + money(order.amount(), order.currency())
                        + " reserved on your card is released; nothing was charged."
                : "The merchant cancelled " + dealTitle + ". We paid " + money(refunded, order.currency())
                        + " back to your card for the coupons you had not used. They are void now.");
        return body.mail(order.tenantId(), "deal-cancelled:" + order.id(), "Deal cancelled, money returned: " + dealTitle,
                List.of());
    }

    public Mail refunded(Recipient buyer, Coupon coupon, String why) {
        Body body = new Body(buyer);
        body.paragraph("We paid " + money(coupon.price(), coupon.currency()) + " back to your card for coupon "
                + coupon.code().printed() + " of " + coupon.dealTitle() + " (" + why + "). It can no longer be used."
                + " Banks usually show the money within a few days.");
        return body.mail(coupon.tenantId(), "refunded:" + coupon.id(), "Refund done: " + coupon.dealTitle(), List.of());
    }

    public Mail expiresSoon(Recipient buyer, Coupon coupon) {
        Body body = new Body(buyer);
        body.paragraph("Your coupon for " + coupon.dealTitle() + " expires on " + DAY.format(coupon.validUntil())
                + ". Use it before then.");
        body.coupons(List.of(coupon));
        body.link("Open my coupons", publicUrl + "/account/");
        return body.mail(coupon.tenantId(), "expiry-reminder:" + coupon.id(), "Use it soon: " + coupon.dealTitle(),
                List.of(coupon.code().printed()));
    }

    /** The buyer's team filled: the team price is charged and the coupons are valid. One per order. */
    public Mail teamComplete(Recipient buyer, Order order, List<Coupon> coupons, String dealTitle) {
        Body body = new Body(buyer);
        body.paragraph("Your team for " + dealTitle + " is full, so the team price is yours. We charged "
                + money(order.amount(), order.currency()) + " and your coupons are valid now.");
        body.coupons(coupons);
        body.link("Open my coupons", publicUrl + "/account/");
        return body.mail(order.tenantId(), "team-complete:" + order.id(), "Your team is full: " + dealTitle,
                coupons.stream().map(c -> c.code().printed()).toList());
    }

    /** The buyer's team did not fill in time: the authorisation is released. One per order. */
    public Mail teamFailed(Recipient buyer, Order order, String dealTitle) {
        Body body = new Body(buyer);
        body.paragraph("Your team for " + dealTitle + " did not fill before its time ran out. The "
                + money(order.amount(), order.currency()) + " reserved on your card is released; nothing was charged."
                + " Your coupons of order " + order.id() + " are void.");
        return body.mail(order.tenantId(), "team-failed:" + order.id(), "Your team did not fill: " + dealTitle, List.of());
    }

    private static String money(BigDecimal amount, String currency) {
        return Money.display(amount, currency);
    }

    /** A mail's content written once, as HTML and as text side by side. */
    private static final class Body {

        private final Recipient buyer;
        private final StringBuilder text = new StringBuilder();
        private final StringBuilder html = new StringBuilder();

        Body(Recipient buyer) {
            this.buyer = buyer;
            paragraph("Hello " + buyer.name() + ",");
        }

        void paragraph(String words) {
            text.append(words).append("\n\n");
            html.append("<p style=\"margin:0 0 14px;line-height:1.5\">").append(escape(words)).append("</p>");
        }

        void heading(String words) {
            text.append(words.toUpperCase(Locale.ROOT)).append("\n");
            html.append("<h3 style=\"margin:18px 0 6px;font-size:15px\">").append(escape(words)).append("</h3>");
        }

        void line(String words) {
            text.append("- ").append(words).append("\n");
            html.append("<div style=\"margin:0 0 4px\">").append(escape(words)).append("</div>");
        }

        void coupons(List<Coupon> coupons) {
            text.append("Your codes:\n");
            html.append("<table role=\"presentation\" style=\"border-collapse:collapse;margin:8px 0 16px\">");
            for (Coupon coupon : coupons) {
                String code = coupon.code().printed();
                text.append("  ").append(code).append("\n");
                html.append("<tr><td style=\"padding:8px 16px 8px 0\"><img src=\"cid:qr-").append(code)
                        .append("\" width=\"120\" height=\"120\" alt=\"QR code of ").append(code).append("\"></td>")
                        .append("<td style=\"padding:8px 0;font:600 22px/1.2 ui-monospace,Menlo,Consolas,monospace;"
                                + "letter-spacing:2px\">").append(code).append("</td></tr>");
            }
            text.append("\n");
            html.append("</table>");
        }

        void link(String label, String url) {
            text.append(label).append(": ").append(url).append("\n\n");
            html.append("<p style=\"margin:18px 0\"><a href=\"").append(escape(url)).append("\" style=\"background:#4f46e5;"
                    + "color:#fff;padding:10px 16px;border-radius:8px;text-decoration:none\">").append(escape(label))
                    .append("</a></p>");
        }

        Mail mail(String tenantId, String causeKey, String subject, List<String> qrCodes) {
            text.append("GroupDeal");
            String page = "<!doctype html><html><body style=\"margin:0;background:#f5f5f7;font-family:-apple-system,"
                    + "Segoe UI,Roboto,Helvetica,Arial,sans-serif;color:#1f2330\"><div style=\"max-width:560px;margin:0 auto;"
                    + "padding:24px\"><div style=\"font-weight:700;font-size:18px;margin-bottom:16px\">GroupDeal</div>"
                    + "<div style=\"background:#fff;border-radius:12px;padding:24px\">" + html + "</div></div></body></html>";
            return new Mail(tenantId, causeKey, buyer.email(), subject, text.toString(), page, qrCodes);
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
}
