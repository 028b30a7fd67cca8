package io.groupdeal.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * Coupons at the end of their validity, with the real job (every 5 s): unused ones expire, and are refunded once when
 * their deal says so; buyers are reminded once, three days ahead, of coupons they bought long before.
 */
@org.junit.jupiter.api.extension.ExtendWith(LedgerAgrees.class)
// Alongside other test classes (see deal-web's POM); its own tests one after another.
@Execution(ExecutionMode.CONCURRENT)
@ResourceLock("ExpiryIT")
// It reads the run's mail server, which SettlementIT stops for a while.
@ResourceLock(value = "mail-server", mode = ResourceAccessMode.READ)
// Among the first classes to start (see MailOpsIT): it waits about half a minute for coupons to expire.
@Order(5)
class ExpiryIT extends DeployedApp {

    private Fixtures.Merchant merchant;

    @BeforeEach
    void setUp() {
        merchant = fixtures.merchantWithStore("Expiry Espresso");
    }

    @Test
    void unusedCouponsExpireAtTheirEndAndAreRefundedWhenTheDealSaysSo() throws Exception {
        Instant end = Instant.now().plusSeconds(8);
        String refunding = shortDeal("Refunding Ristretto", end, true);
        String keeping = shortDeal("Keeping Kaffee", end, false);
        Fixtures.Person first = fixtures.buyer();
        Fixtures.Person second = fixtures.buyer();
        JsonObject refunded = buying.buy(first, refunding, 2).json();
        JsonObject expired = buying.buy(second, keeping, 1).json();

        for (JsonObject coupon : refunded.getJsonArray("coupons").getValuesAs(JsonObject.class)) {
            assertEquals("REFUNDED", awaitCoupon(first, coupon.getString("code"), "REFUNDED", 45));
        }
        String expiredCode = expired.getJsonArray("coupons").getJsonObject(0).getString("code");
        assertEquals("EXPIRED", awaitCoupon(second, expiredCode, "EXPIRED", 30));
        assertEquals(
                "REFUNDED",
                buying.awaitOrder(first, refunded.getString("id"), "REFUNDED", 20)
                        .getString("status"));

        Thread.sleep(6000);
        assertEquals(2, Buying.ledger(refunded.getString("id"), "REFUND"), "one refund per coupon, never twice");
        assertEquals(0, Buying.ledger(expired.getString("id"), "REFUND"), "no refund where the deal does not refund");
        assertEquals(
                2,
                Mailbox.awaitMail(first.email(), "Refund done: Refunding Ristretto", 30)
                        .size());
        Thread.sleep(3000);
        assertEquals(2, Mailbox.mails(first.email(), "Refund done").size(), "one mail per refunded coupon, once");
        assertEquals(0, Mailbox.mails(second.email(), "Refund done").size());

        Reply late = http.post("api/v1/coupons/" + expiredCode + "/refund", null, second.token());
        assertEquals(409, late.status(), late::toString);
        assertEquals("not-refundable", late.problem());
        assertEquals(
                "EXPIRED",
                http.get("api/v1/coupons/" + expiredCode, second.token()).json().getString("status"));
    }

    @Test
    void buyersAreRemindedOnceThreeDaysBeforeTheirCouponsExpire() throws Exception {
        Instant now = Instant.now();
        JsonObjectBuilder body =
                Fixtures.deal("Reminder Ramen", now.minusSeconds(3600), now.plus(Duration.ofDays(1)), List.of());
        body.add("couponValidUntil", now.plus(Duration.ofDays(2)).toString());
        String dealId = fixtures.newDeal(merchant.token(), body).getString("id");
        fixtures.publish(merchant.token(), dealId);
        Fixtures.Person early = fixtures.buyer();
        Fixtures.Person late = fixtures.buyer();
        String earlyOrder = buying.buy(early, dealId, 1).json().getString("id");
        // The early buyer bought a week ago (the deal ran long); the late one a moment ago needs no reminder.
        assertEquals(
                1,
                Buying.update(
                        "UPDATE coupon SET created_at = created_at - INTERVAL 7 DAY WHERE order_id = ?", earlyOrder));
        buying.buy(late, dealId, 1);

        List<?> reminders = Mailbox.awaitMail(early.email(), "Use it soon: Reminder Ramen", 30);
        assertEquals(1, reminders.size());
        Thread.sleep(11000);
        assertEquals(
                1, Mailbox.mails(early.email(), "Use it soon").size(), "reminded once, not at every run of the job");
        assertEquals(0, Mailbox.mails(late.email(), "Use it soon").size());
    }

    /** A deal on sale now whose sales and coupons end at {@code end}, refunded at expiry when {@code autoRefund}. */
    private String shortDeal(String title, Instant end, boolean autoRefund) {
        JsonObjectBuilder body = Fixtures.deal(title, Instant.now().minusSeconds(60), end, List.of());
        body.add("couponValidUntil", end.toString()).add("refundPolicy", "NONE").add("autoRefundOnExpiry", autoRefund);
        String id = fixtures.newDeal(merchant.token(), body).getString("id");
        assertEquals("ON_SALE", fixtures.publish(merchant.token(), id).getString("status"));
        return id;
    }

    private String awaitCoupon(Fixtures.Person buyer, String code, String status, int seconds)
            throws InterruptedException {
        String seen = null;
        for (int i = 0; i < seconds * 2; i++) {
            seen = http.get("api/v1/coupons/" + code, buyer.token()).json().getString("status");
            if (status.equals(seen)) {
                return seen;
            }
            Thread.sleep(500);
        }
        return seen;
    }
}
