package io.groupdeal.application.coupon;

import io.groupdeal.application.PageOf;
import io.groupdeal.application.PageRequest;
import io.groupdeal.application.mail.BuyerMails.RefundCause;
import io.groupdeal.application.payment.Refunds;
import io.groupdeal.application.problem.Clash;
import io.groupdeal.application.problem.NotFound;
import io.groupdeal.application.problem.Reason;
import io.groupdeal.application.security.Caller;
import io.groupdeal.application.security.CallerAccount;
import io.groupdeal.domain.coupon.Coupon;
import io.groupdeal.domain.coupon.CouponCode;
import io.groupdeal.domain.coupon.CouponRepository;
import io.groupdeal.domain.coupon.CouponStatus;
import io.groupdeal.domain.tenant.Tenant;
import io.groupdeal.domain.tenant.TenantRepository;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * A buyer's own coupons, whatever the merchant: list, look at, show as QR code, refund. A coupon is refunded at most
 * once: the refund is a conditional update of an ACTIVE, still valid coupon, and money moves only when it moved the
 * coupon. Another buyer's code answers exactly like a code that does not exist.
 */
@Stateless
@RolesAllowed("BUYER")
public class CouponService {

    private static final int QR_PIXELS = 320;

    @Inject
    private CouponRepository coupons;

    @Inject
    private Refunds refunds;

    @Inject
    private QrCodes qrCodes;

    @Inject
    private TenantRepository tenants;

    @Inject
    private Caller caller;

    @Inject
    private Clock clock;

    public PageOf<Coupon> list(PageRequest request, CouponStatus status) {
        String buyerId = buyer().accountId();
        return new PageOf<>(
                coupons.ofBuyer(buyerId, status, request.page(), request.size()),
                request.page(),
                request.size(),
                coupons.countOfBuyer(buyerId, status));
    }

    public Coupon get(String code) {
        return find(code);
    }

    /**
     * The time zone of each business whose coupons these are, by tenant id: a coupon's days (valid until, redeemed on)
     * are its merchant's days, as its mails say them.
     */
    public Map<String, ZoneId> zonesOf(Collection<Coupon> shown) {
        Map<String, ZoneId> zones = new HashMap<>();
        shown.forEach(c -> zones.computeIfAbsent(
                c.tenantId(), id -> tenants.find(id).map(Tenant::timeZone).orElse(ZoneOffset.UTC)));
        return zones;
    }

    public byte[] qrPng(String code) {
        return qrCodes.png(find(code).code().printed(), QR_PIXELS);
    }

    /** Pays the coupon's price back and makes it REFUNDED; 409 {@code not-refundable} with the reason otherwise. */
    public Coupon refund(String code) {
        Coupon coupon = find(code);
        Instant now = clock.instant();
        if (!coupon.isRefundable(now) || !coupons.refund(coupon.tenantId(), coupon.id(), now)) {
            throw notRefundable(coupon, now);
        }
        refunds.couponRefunded(coupon, RefundCause.ASKED, now);
        return find(code);
    }

    private Coupon find(String code) {
        return CouponCode.parse(code)
                .flatMap(c -> coupons.ofBuyer(buyer().accountId(), c))
                .orElseThrow(() -> new NotFound("coupon"));
    }

    /**
     * The refusal the domain decides for the coupon as read, as the API words it; a coupon that was refundable when read
     * but that the conditional update no longer moved changed meanwhile.
     */
    private static Clash notRefundable(Coupon coupon, Instant now) {
        String why = coupon.refundRefusalAt(now)
                .map(r -> switch (r) {
                    case POLICY -> "not-refundable.policy";
                    case PENDING -> "not-refundable.pending";
                    case REDEEMED -> "not-refundable.redeemed";
                    case REFUNDED -> "not-refundable.refunded";
                    case EXPIRED -> "not-refundable.expired";
                    case VOID -> "not-refundable.void";
                })
                .orElse("not-refundable.changed");
        return new Clash("not-refundable", Reason.of(why));
    }

    private CallerAccount buyer() {
        return caller.account().orElseThrow(() -> new IllegalStateException("no caller behind a BUYER call"));
    }
}
