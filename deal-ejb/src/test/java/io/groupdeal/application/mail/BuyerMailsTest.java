package io.groupdeal.application.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.groupdeal.application.Wiring;
import io.groupdeal.application.mail.BuyerMails.Recipient;
import io.groupdeal.application.mail.BuyerMails.RefundCause;
import io.groupdeal.domain.account.Account;
import io.groupdeal.domain.account.AccountRepository;
import io.groupdeal.domain.account.EmailAddress;
import io.groupdeal.domain.account.Role;
import io.groupdeal.domain.coupon.Coupon;
import io.groupdeal.domain.coupon.CouponCode;
import io.groupdeal.domain.coupon.CouponStatus;
import io.groupdeal.domain.mail.Mail;
import io.groupdeal.domain.order.Order;
import io.groupdeal.domain.order.OrderStatus;
import io.groupdeal.domain.shared.Language;
import io.groupdeal.domain.tenant.Tenant;
import io.groupdeal.domain.tenant.TenantRepository;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * A buyer's mails are in the buyer's chosen language, else the tenant's, else English; amounts as the language
 * writes them, days in the tenant's zone; both bundles have the same words.
 */
class BuyerMailsTest {

    private static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");

    private final AccountRepository accounts = mock(AccountRepository.class);
    private final TenantRepository tenants = mock(TenantRepository.class);
    private final BuyerMails mails =
            Wiring.configure(Wiring.wire(new BuyerMails(), accounts, tenants), "publicUrl", "https://deals.example");

    private Tenant tenant(Language language) {
        Tenant tenant = new Tenant("Lanzhou Noodles", NOW);
        tenant.configure("Lanzhou Noodles", "Asia/Shanghai", 5);
        tenant.changeLanguage(language);
        when(tenants.find(tenant.id())).thenReturn(Optional.of(tenant));
        return tenant;
    }

    private void buyer(Language chosen) {
        Account buyer = new Account(new EmailAddress("bea@example.com"), "Bea", "hash", Role.BUYER, null, NOW);
        if (chosen != null) {
            buyer.chooseLanguage(chosen);
        }
        when(accounts.find("buyer-1")).thenReturn(Optional.of(buyer));
    }

    /** Bea, a buyer who chose no language, as a mail of the tenant's addresses her. */
    private Recipient bea(Tenant tenant) {
        buyer(null);
        return mails.recipient("buyer-1", tenant.id());
    }

    /** A confirmed order of Bea's in yuan, paid under pay-N for the order order-N, of one deal. */
    private static Order confirmedOrder(String tenantId, String id, int quantity, String price) {
        BigDecimal each = new BigDecimal(price);
        return new Order(
                tenantId,
                id,
                "deal-1",
                "buyer-1",
                quantity,
                each,
                each.multiply(BigDecimal.valueOf(quantity)),
                "CNY",
                OrderStatus.CONFIRMED,
                id.replace("order-", "pay-"),
                NOW,
                null);
    }

    @Test
    void theBuyersChoiceComesFirstThenTheTenantsThenEnglish() {
        Tenant chinese = tenant(Language.ZH_CN);
        Tenant english = tenant(Language.EN);
        buyer(null);
        assertEquals(Language.ZH_CN, mails.recipient("buyer-1", chinese.id()).language());
        assertEquals(
                ZoneId.of("Asia/Shanghai"),
                mails.recipient("buyer-1", chinese.id()).zone());
        assertEquals(Language.EN, mails.recipient("buyer-1", english.id()).language());
        assertEquals(Language.EN, mails.recipient("buyer-1", "no-such-tenant").language());
        buyer(Language.ZH_CN);
        assertEquals(Language.ZH_CN, mails.recipient("buyer-1", english.id()).language());
        buyer(Language.EN);
        assertEquals(Language.EN, mails.recipient("buyer-1", chinese.id()).language());
    }

    @Test
    void aChineseMailSaysEverythingInChineseWithYuanAndTheTenantsDay() {
        Tenant chinese = tenant(Language.ZH_CN);
        Recipient bea = bea(chinese);
        Coupon coupon = coupon(chinese.id(), Instant.parse("2026-12-31T20:00:00Z")); // 1 January in Shanghai

        Mail soon = mails.expiresSoon(bea, coupon);
        assertEquals("团购券即将过期：兰州牛肉面", soon.subject());
        assertTrue(soon.text().startsWith("Bea，您好："), soon.text());
        assertTrue(soon.text().contains("您的兰州牛肉面团购券将于 2027年1月1日 过期，请尽快使用。"), soon.text());
        assertTrue(soon.html().contains("lang=\"zh-CN\"") && soon.html().contains("查看我的团购券"), soon.html());

        Mail refund = mails.refunded(bea, coupon, RefundCause.ASKED);
        assertEquals("退款成功：兰州牛肉面", refund.subject());
        assertTrue(refund.text().contains("已退款 ¥99.00（您申请了退款）"), refund.text());

        Order order = confirmedOrder(chinese.id(), "order-1", 2, "99.00");
        Mail tipped = mails.dealTipped(bea, order, List.of(coupon), "兰州牛肉面");
        assertEquals("已成团：兰州牛肉面", tipped.subject());
        assertTrue(tipped.text().contains("已扣款 ¥198.00"), tipped.text());
        assertFalse(tipped.text().contains("Hello") || tipped.text().contains("Your codes"), tipped.text());
    }

    @Test
    void aTeamsMembersAreToldInTheirLanguageWhetherItFilled() {
        Tenant chinese = tenant(Language.ZH_CN);
        Recipient bea = bea(chinese);
        Order order = confirmedOrder(chinese.id(), "order-7", 1, "59.00");
        Mail complete = mails.teamComplete(bea, order, List.of(coupon(chinese.id(), NOW.plusSeconds(86_400))), "兰州牛肉面");
        assertEquals("拼团成功：兰州牛肉面", complete.subject());
        assertTrue(complete.text().contains("拼团成功！已按拼团价扣款 ¥59.00"), complete.text());
        assertEquals("team-complete:order-7", complete.causeKey());
        Mail failed = mails.teamFailed(bea, order, "兰州牛肉面");
        assertEquals("拼团失败：兰州牛肉面", failed.subject());
        assertTrue(failed.text().contains("冻结的 ¥59.00 已解冻，未扣任何费用。订单 order-7 的团购券已作废。"), failed.text());
        assertFalse(failed.text().contains("Your team"), failed.text());

        Tenant english = tenant(Language.EN);
        Mail inEnglish = mails.teamFailed(mails.recipient("buyer-1", english.id()), order, "Noodles");
        assertEquals("Your team did not fill: Noodles", inEnglish.subject());
        assertTrue(
                inEnglish.text().contains("The CN¥59.00 reserved on your card is released; nothing was charged."),
                inEnglish.text());
    }

    @Test
    void anEnglishMailKeepsItsWordsWithTheCurrencysSign() {
        Tenant english = tenant(Language.EN);
        Recipient bea = bea(english);
        Mail refund = mails.refunded(bea, coupon(english.id(), NOW.plusSeconds(86_400)), RefundCause.EXPIRED);
        assertEquals("Refund done: 兰州牛肉面", refund.subject());
        assertTrue(refund.text().startsWith("Hello Bea,"), refund.text());
        assertTrue(
                refund.text().contains("We paid CN¥99.00 back to your card")
                        && refund.text().contains("(it expired unused)"),
                refund.text());
    }

    @Test
    void aCouponOfADealOfSeveralOptionsNamesTheOptionBought() {
        Tenant chinese = tenant(Language.ZH_CN);
        Recipient bea = bea(chinese);
        Coupon plain = coupon(chinese.id(), NOW.plusSeconds(86_400));
        Coupon forFour = new Coupon(
                plain.tenantId(),
                plain.id(),
                plain.dealId(),
                plain.dealTitle(),
                plain.orderId(),
                plain.buyerId(),
                plain.code(),
                plain.status(),
                plain.price(),
                plain.currency(),
                plain.validUntil(),
                plain.createdAt(),
                null,
                null,
                null,
                true,
                false,
                "四人套餐");

        assertTrue(
                mails.expiresSoon(bea, forFour).text().contains("您的兰州牛肉面 · 四人套餐团购券"),
                mails.expiresSoon(bea, forFour).text());
        Order order = confirmedOrder(chinese.id(), "order-1", 1, "99.00");
        assertTrue(
                mails.dealTipped(bea, order, List.of(forFour), "兰州牛肉面").text().contains("兰州牛肉面 · 四人套餐"));
        assertFalse(mails.expiresSoon(bea, plain).text().contains(" · "), "a deal of one option names none");
    }

    @Test
    void bothLanguagesHaveTheSameWords() throws IOException {
        Properties english = bundle("mails.properties");
        Properties chinese = bundle("mails_zh_CN.properties");
        assertEquals(english.stringPropertyNames(), chinese.stringPropertyNames());
        chinese.forEach((key, value) -> assertTrue(
                value.toString()
                        .codePoints()
                        .anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN),
                key + ": " + value));
    }

    private static Coupon coupon(String tenantId, Instant validUntil) {
        return new Coupon(
                tenantId,
                "coupon-1",
                "deal-1",
                "兰州牛肉面",
                "order-1",
                "buyer-1",
                CouponCode.random(new java.security.SecureRandom()),
                CouponStatus.ACTIVE,
                new BigDecimal("99.00"),
                "CNY",
                validUntil,
                NOW,
                null,
                null,
                null,
                false,
                false,
                null);
    }

    private static Properties bundle(String name) throws IOException {
        Properties words = new Properties();
        try (Reader in = new InputStreamReader(BuyerMails.class.getResourceAsStream(name), StandardCharsets.UTF_8)) {
            words.load(in);
        }
        return words;
    }
}
