package io.groupdeal.interfaces.web;

import io.groupdeal.application.PageRequest;
import io.groupdeal.application.coupon.CouponService;
import io.groupdeal.application.coupon.QrCodes;
import io.groupdeal.application.order.OrderService;
import io.groupdeal.application.order.OrderView;
import io.groupdeal.application.review.ReviewService;
import io.groupdeal.domain.coupon.Coupon;
import io.groupdeal.domain.coupon.CouponStatus;
import io.groupdeal.domain.shared.LocalFormats;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Clock;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/** "My coupons": the buyer's coupons with QR code and code in large type, refunds, and the order history. */
@Named
@RequestScoped
public class AccountPage {

    @Inject
    private FacesContext faces;

    private static final int SHOWN = 50;
    private static final int QR_PIXELS = 220;

    /** A coupon as the page shows it. */
    public record CouponCard(
            Coupon coupon,
            String qrDataUri,
            boolean refundable,
            String validUntil,
            String note,
            boolean reviewable,
            Integer myRating) {}

    @EJB
    private CouponService coupons;

    @EJB
    private OrderService orders;

    @EJB
    private ReviewService reviews;

    @Inject
    private QrCodes qrCodes;

    @Inject
    private Clock clock;

    private List<CouponCard> cards;
    private List<OrderView> history;
    private Map<String, Integer> myRatings;

    public List<CouponCard> getCoupons() {
        if (cards == null) {
            List<Coupon> mine = coupons.list(new PageRequest(0, SHOWN), null).items();
            Map<String, ZoneId> zones = coupons.zonesOf(mine);
            cards = mine.stream()
                    .map(c -> card(c, zones.getOrDefault(c.tenantId(), ZoneOffset.UTC)))
                    .toList();
        }
        return cards;
    }

    public List<OrderView> getOrders() {
        if (history == null) {
            history = orders.list(new PageRequest(0, SHOWN)).items();
        }
        return history;
    }

    public String refund(String code) {
        if (Messages.attempt(() -> coupons.refund(code))) {
            Messages.info(Words.of("page.account.refunded", code));
        }
        return Messages.reloadPage();
    }

    /** Writes the review of a used coupon's deal; a refusal stays on the page. */
    public String review(String code) {
        Map<String, String> form = faces.getExternalContext().getRequestParameterMap();
        if (Messages.attempt(() -> reviews.write(
                code, rating(form.get("stars")), PlainTextInput.requireMultiLine(form.get("comment"), "comment")))) {
            Messages.info(Words.of("page.account.reviewed"));
            return Messages.reloadPage();
        }
        return null;
    }

    private static Integer rating(String chosen) {
        try {
            return chosen == null ? null : Integer.valueOf(chosen);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The choice of stars, as the form sends them ("5" to "1"). */
    public List<String> getRatingChoices() {
        return List.of("5", "4", "3", "2", "1");
    }

    public String stars(String rating) {
        int n = Integer.parseInt(rating);
        return "★".repeat(n) + "☆".repeat(5 - n) + " (" + n + ")";
    }

    public String moment(java.time.Instant instant) {
        return instant == null ? "" : LocalFormats.dateTime(instant, ZoneOffset.UTC, Words.language());
    }

    private CouponCard card(Coupon coupon, ZoneId zone) {
        boolean usable = coupon.status() == CouponStatus.ACTIVE || coupon.status() == CouponStatus.PENDING;
        String qr = usable
                ? "data:image/png;base64,"
                        + Base64.getEncoder()
                                .encodeToString(qrCodes.png(coupon.code().printed(), QR_PIXELS))
                : null;
        if (myRatings == null) {
            myRatings = reviews.myRatings();
        }
        Integer mine = myRatings.get(coupon.id());
        return new CouponCard(
                coupon,
                qr,
                coupon.isRefundable(clock.instant()),
                day(coupon.validUntil(), zone),
                note(coupon, zone),
                coupon.status() == CouponStatus.REDEEMED && mine == null,
                mine);
    }

    private String note(Coupon coupon, ZoneId zone) {
        return switch (coupon.status()) {
            case PENDING -> Words.of("page.account.note.pending");
            case ACTIVE -> Words.of("page.account.note.active");
            case REDEEMED ->
                Words.of(
                        "page.account.note.redeemed",
                        coupon.redeemedAt() == null
                                ? ""
                                : LocalFormats.dateTime(coupon.redeemedAt(), zone, Words.language()));
            case EXPIRED -> Words.of("page.account.note.expired", day(coupon.validUntil(), zone));
            case REFUNDED ->
                Words.of(
                        "page.account.note.refunded",
                        coupon.refundedAt() == null ? "" : day(coupon.refundedAt(), zone));
            case VOID -> Words.of("page.account.note.void");
        };
    }

    /** A coupon's days are its merchant's days (the business's time zone), as its mails say them. */
    private static String day(java.time.Instant instant, ZoneId zone) {
        return LocalFormats.date(instant.atZone(zone).toLocalDate(), Words.language());
    }
}
