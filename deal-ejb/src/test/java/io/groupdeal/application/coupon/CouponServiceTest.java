package io.groupdeal.application.coupon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import io.groupdeal.application.Noodles;
import io.groupdeal.application.Wiring;
import io.groupdeal.application.mail.BuyerMails;
import io.groupdeal.application.mail.BuyerMails.Recipient;
import io.groupdeal.application.mail.BuyerMails.RefundCause;
import io.groupdeal.application.mail.Outbox;
import io.groupdeal.application.payment.PaymentTasks;
import io.groupdeal.application.payment.Refunds;
import io.groupdeal.application.problem.Clash;
import io.groupdeal.application.problem.NotFound;
import io.groupdeal.domain.coupon.Coupon;
import io.groupdeal.domain.coupon.CouponCode;
import io.groupdeal.domain.coupon.CouponRepository;
import io.groupdeal.domain.coupon.CouponStatus;
import io.groupdeal.domain.mail.Mail;
import io.groupdeal.domain.order.OrderRepository;
import io.groupdeal.domain.order.OrderStatus;
import io.groupdeal.domain.order.PaymentTask.Kind;
import io.groupdeal.domain.tenant.Tenant;
import io.groupdeal.domain.tenant.TenantRepository;
import java.math.BigDecimal;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mockito.InOrder;

/**
 * A buyer's refund: money moves only when the conditional update moved the coupon, and a refusal says why in the
 * buyer's words; another buyer's code is unknown.
 */
class CouponServiceTest {

    static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    static final Mail MAIL =
            new Mail("tenant-1", "refunded:coupon-1", "buyer@example.com", "Refunded", "t", "h", List.of());

    private final CouponRepository coupons = mock(CouponRepository.class);
    private final OrderRepository orders = mock(OrderRepository.class);
    private final PaymentTasks payments = mock(PaymentTasks.class);
    private final Outbox outbox = mock(Outbox.class);
    private final BuyerMails mails = mock(BuyerMails.class);
    private final TenantRepository tenants = mock(TenantRepository.class);
    private final Refunds refunds = Wiring.wire(new Refunds(), payments, orders, outbox, mails);
    private final CouponService service = Wiring.wire(
            new CouponService(), coupons, refunds, tenants, Wiring.buyer("buyer-1"), Clock.fixed(NOW, ZoneOffset.UTC));

    private final CouponCode code = CouponCode.random(new SecureRandom());

    static Coupon coupon(CouponCode code, CouponStatus status, Instant validUntil, boolean refundable) {
        return Noodles.coupon(code, status, validUntil, NOW.minusSeconds(86_400), refundable, false);
    }

    @Test
    void aCouponsDaysAreItsMerchantsDays() {
        Tenant shanghai = new Tenant("Xiaolong", NOW);
        shanghai.configure("Xiaolong", "Asia/Shanghai", 5);
        when(tenants.find("tenant-1")).thenReturn(Optional.of(shanghai));
        Coupon theirs = coupon(code, CouponStatus.ACTIVE, NOW, true);
        Coupon gone = new Coupon(
                "tenant-gone",
                "coupon-2",
                "deal-2",
                "Tea",
                "order-2",
                "buyer-1",
                code,
                CouponStatus.ACTIVE,
                new BigDecimal("1.00"),
                "EUR",
                NOW,
                NOW,
                null,
                null,
                null,
                true,
                false,
                null);

        java.util.Map<String, java.time.ZoneId> zones = service.zonesOf(List.of(theirs, theirs, gone));

        assertEquals(
                java.util.Map.of("tenant-1", java.time.ZoneId.of("Asia/Shanghai"), "tenant-gone", ZoneOffset.UTC),
                zones);
        verify(tenants, times(1)).find("tenant-1");
    }

    private Coupon owned(CouponStatus status, Instant validUntil, boolean refundable) {
        Coupon coupon = coupon(code, status, validUntil, refundable);
        when(coupons.ofBuyer("buyer-1", code)).thenReturn(Optional.of(coupon));
        return coupon;
    }

    private String refusal() {
        Clash refused = assertThrows(Clash.class, () -> service.refund(code.printed()));
        assertEquals("not-refundable", refused.type());
        return refused.reason().key();
    }

    @Test
    void aRefusedRefundSaysWhyAndMovesNoMoney() {
        owned(CouponStatus.ACTIVE, NOW.plusSeconds(60), false);
        assertEquals("not-refundable.policy", refusal());

        owned(CouponStatus.ACTIVE, NOW, true);
        assertEquals("not-refundable.expired", refusal());

        owned(CouponStatus.PENDING, NOW.plusSeconds(60), true);
        assertEquals("not-refundable.pending", refusal());

        owned(CouponStatus.REDEEMED, NOW.plusSeconds(60), true);
        assertEquals("not-refundable.redeemed", refusal());

        owned(CouponStatus.REFUNDED, NOW.plusSeconds(60), true);
        assertEquals("not-refundable.refunded", refusal());

        owned(CouponStatus.VOID, NOW.plusSeconds(60), true);
        assertEquals("not-refundable.void", refusal());

        verify(coupons, never()).refund(anyString(), anyString(), any());
        verifyNoInteractions(payments, outbox);
    }

    @Test
    void aCouponThatChangedMeanwhileIsRefusedWithoutMoney() {
        owned(CouponStatus.ACTIVE, NOW.plusSeconds(60), true);
        when(coupons.refund("tenant-1", "coupon-1", NOW)).thenReturn(false);

        assertEquals("not-refundable.changed", refusal());
        verifyNoInteractions(payments, outbox);
        verify(orders, never()).markRefunded(anyString(), anyString(), any());
    }

    @Test
    void aRefundOwesThePriceOfThisCouponOnceMarksTheOrderAndTellsTheBuyer() {
        Coupon coupon = owned(CouponStatus.ACTIVE, NOW.plusSeconds(60), true);
        when(coupons.refund("tenant-1", "coupon-1", NOW)).thenReturn(true);
        when(orders.find("tenant-1", "order-1"))
                .thenReturn(Optional.of(Noodles.order(2, OrderStatus.CONFIRMED, "pay-1", NOW)));
        Recipient bea = new Recipient("buyer@example.com", "Bea Buyer");
        when(mails.recipient("buyer-1", "tenant-1")).thenReturn(bea);
        when(mails.refunded(bea, coupon, RefundCause.ASKED)).thenReturn(MAIL);

        service.refund(code.printed());

        InOrder order = inOrder(coupons, payments, orders, outbox);
        order.verify(coupons).refund("tenant-1", "coupon-1", NOW);
        order.verify(payments).owe("tenant-1", "order-1", Kind.REFUND, "coupon-1", new BigDecimal("9.90"));
        order.verify(orders).markRefunded("tenant-1", "order-1", NOW);
        order.verify(outbox).write(MAIL);
    }

    @Test
    void anotherBuyersCodeIsNotFound() {
        when(coupons.ofBuyer(eq("buyer-1"), any())).thenReturn(Optional.empty());

        assertThrows(NotFound.class, () -> service.refund(code.printed()));
        assertThrows(NotFound.class, () -> service.get("not a code"));
        verifyNoInteractions(payments, outbox);
    }
}
