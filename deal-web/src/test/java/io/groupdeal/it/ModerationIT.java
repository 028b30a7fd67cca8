package io.groupdeal.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * Moderation on the real database: a moderated tenant's published deal waits IN_REVIEW (not in the catalog, not
 * buyable, not editable) until the operator approves it (published as publish would: on sale or scheduled) or rejects
 * it with a reason (a draft again, editable; publishing again re-enters review). The merchant is mailed either way.
 * Only the operator decides; an approval, a rejection and the merchant's cancellation racing each other: one wins.
 */
// Alongside other test classes (see deal-web's POM); not beside ModerationPageIT, which approves and rejects
// deals of the run's shared moderation queue while this one pages through it.
@Execution(ExecutionMode.CONCURRENT)
@ResourceLock("moderation-queue")
// It reads the run's mail server, which SettlementIT stops for a while.
@ResourceLock(value = "mail-server", mode = ResourceAccessMode.READ)
class ModerationIT extends DeployedApp {

    @Test
    void aModeratedTenantsDealWaitsInReviewUnsoldUntilTheOperatorApprovesIt() throws Exception {
        String word = "Review" + UUID.randomUUID().toString().substring(0, 8);
        Fixtures.Merchant merchant = fixtures.moderatedMerchantWithStore("Moderated Momo " + word);
        Instant now = Instant.now();
        String title = word + " momo platter";
        String id = fixtures.newDeal(
                        merchant.token(),
                        Fixtures.deal(title).add("finePrint", "Dine in only. Not on public holidays."))
                .getString("id");

        JsonObject published = fixtures.publish(merchant.token(), id);
        assertEquals("IN_REVIEW", published.getString("status"), published::toString);

        assertEquals(404, http.get("api/v1/catalog/deals/" + id, null).status(), "a deal in review is not public");
        assertFalse(http.get("api/v1/catalog/deals?q=" + word, null).body().contains(id), "nor in the catalog");
        Fixtures.Person buyer = fixtures.buyer();
        Reply refused = buying.buy(buyer, id, 1);
        assertEquals(409, refused.status(), refused::toString);
        assertEquals("deal-not-on-sale", refused.problem());
        Reply edit = http.put(
                "api/v1/deals/" + id, Fixtures.deal(title + " changed").build().toString(), merchant.token());
        assertEquals(409, edit.status(), edit::toString);
        assertEquals("deal-not-editable", edit.problem());
        assertTrue(edit.json().getString("detail").contains("review"), edit::toString);

        JsonObject queued = inQueue(id);
        assertEquals("Moderated Momo " + word, queued.getString("businessName"));
        assertEquals("Dine in only. Not on public holidays.", queued.getString("finePrint"));
        assertEquals(merchant.tenantId(), queued.getString("tenantId"));

        Reply approved = http.post("api/v1/platform/deals/" + id + "/approve", null, fixtures.operatorToken());
        assertEquals(200, approved.status(), approved::toString);
        assertEquals("ON_SALE", approved.json().getString("status"));
        assertFalse(queueBody().contains(id), "approved: out of the queue");
        assertEquals(200, http.get("api/v1/catalog/deals/" + id, null).status());
        assertEquals(201, buying.buy(buyer, id, 1).status(), "on sale once approved");

        List<MimeMessage> mails = Mailbox.awaitMail(merchant.email(), "Deal approved: " + title, 30);
        assertEquals(1, mails.size(), "the merchant is told once");
        assertTrue(Mailbox.part(mails.get(0), "text/plain").contains("on sale now"));

        Reply again = http.post("api/v1/platform/deals/" + id + "/approve", null, fixtures.operatorToken());
        assertEquals(409, again.status(), again::toString);
        assertEquals("deal-not-in-review", again.problem());
    }

    @Test
    void anApprovedDealWhoseSalesStartLaterIsScheduledAndOneWhoseSalesEndedIsRefused() throws Exception {
        Fixtures.Merchant merchant = fixtures.moderatedMerchantWithStore("Moderated Mezze");
        Instant now = Instant.now();
        String later = fixtures.newDeal(
                        merchant.token(),
                        Fixtures.deal(
                                "Mezze tomorrow",
                                now.plus(Duration.ofDays(1)),
                                now.plus(Duration.ofDays(3)),
                                List.of()))
                .getString("id");
        assertEquals("IN_REVIEW", fixtures.publish(merchant.token(), later).getString("status"));
        Reply scheduled = http.post("api/v1/platform/deals/" + later + "/approve", null, fixtures.operatorToken());
        assertEquals("SCHEDULED", scheduled.json().getString("status"), scheduled::toString);

        String brief = fixtures.newDeal(
                        merchant.token(),
                        Fixtures.deal(
                                "Mezze for a moment",
                                now.minusSeconds(60),
                                Instant.now().plusSeconds(3),
                                List.of()))
                .getString("id");
        assertEquals("IN_REVIEW", fixtures.publish(merchant.token(), brief).getString("status"));
        Thread.sleep(4000);
        Reply tooLate = http.post("api/v1/platform/deals/" + brief + "/approve", null, fixtures.operatorToken());
        assertEquals(409, tooLate.status(), tooLate::toString);
        assertEquals("sales-ended", tooLate.problem());
        assertEquals(
                "IN_REVIEW",
                http.get("api/v1/deals/" + brief, merchant.token()).json().getString("status"),
                "a refused approval changes nothing");
        assertEquals(
                "DRAFT",
                reject(brief, "The sales window closed; choose new dates.")
                        .json()
                        .getString("status"));
    }

    @Test
    void aRejectedDealIsADraftWithTheReasonAndPublishingItAgainReEntersReview() throws Exception {
        String word = "Reject" + UUID.randomUUID().toString().substring(0, 8);
        Fixtures.Merchant merchant = fixtures.moderatedMerchantWithStore("Moderated Ramen " + word);
        String title = word + " ramen";
        String id = fixtures.newDeal(merchant.token(), Fixtures.deal(title)).getString("id");
        fixtures.publish(merchant.token(), id);

        for (String bad : new String[] {
            "{}", "{\"reason\":\"   \"}", "{\"reason\":\"" + "x".repeat(1001) + "\"}", "{\"reason\":\"bell\\u0007\"}"
        }) {
            Reply refused = http.post("api/v1/platform/deals/" + id + "/reject", bad, fixtures.operatorToken());
            assertEquals(400, refused.status(), refused::toString);
            assertTrue(refused.body().contains("reason"), refused::toString);
        }
        assertEquals(
                "IN_REVIEW",
                http.get("api/v1/deals/" + id, merchant.token()).json().getString("status"));

        String reason = "The fine print must say when the offer is valid.\nAdd the opening hours.";
        JsonObject rejected = reject(id, reason).json();
        assertEquals("DRAFT", rejected.getString("status"));
        assertEquals(reason, rejected.getString("rejection"));
        assertEquals(
                reason, http.get("api/v1/deals/" + id, merchant.token()).json().getString("rejection"));
        assertEquals(404, http.get("api/v1/catalog/deals/" + id, null).status());

        List<MimeMessage> mails = Mailbox.awaitMail(merchant.email(), "Deal sent back: " + title, 30);
        assertEquals(1, mails.size());
        assertTrue(
                Mailbox.part(mails.get(0), "text/plain").contains("Add the opening hours."),
                "the mail carries the reason");
        assertTrue(Mailbox.part(mails.get(0), "text/html").contains("Add the opening hours."));

        Reply edited = http.put(
                "api/v1/deals/" + id,
                Fixtures.deal(title)
                        .add("finePrint", "Mon to Fri, 11:00 to 22:00.")
                        .build()
                        .toString(),
                merchant.token());
        assertEquals(200, edited.status(), "a rejected deal is editable: " + edited);
        assertEquals(reason, edited.json().getString("rejection"), "the reason stays while the merchant edits");

        JsonObject again = fixtures.publish(merchant.token(), id);
        assertEquals("IN_REVIEW", again.getString("status"));
        assertFalse(
                again.containsKey("rejection") && !again.isNull("rejection"), "published again: no rejection " + again);
        assertEquals("Mon to Fri, 11:00 to 22:00.", inQueue(id).getString("finePrint"), "the operator sees the change");
        assertEquals(
                "ON_SALE",
                http.post("api/v1/platform/deals/" + id + "/approve", null, fixtures.operatorToken())
                        .json()
                        .getString("status"));
    }

    @Test
    void anUnmoderatedTenantPublishesAtOnceAndTheOperatorTurnsModerationOnAndOff() {
        Fixtures.Merchant signedUp = fixtures.moderatedMerchant("Moderation Default Deli");
        JsonObject tenant = tenantOf(signedUp.tenantId());
        assertTrue(tenant.getBoolean("moderated"), "a new tenant is moderated: " + tenant);

        Fixtures.Merchant merchant = fixtures.merchantWithStore("Unmoderated Udon");
        assertFalse(tenantOf(merchant.tenantId()).getBoolean("moderated"));
        Instant now = Instant.now();
        String first =
                fixtures.newDeal(merchant.token(), Fixtures.deal("Udon now")).getString("id");
        assertEquals("ON_SALE", fixtures.publish(merchant.token(), first).getString("status"));

        fixtures.moderate(merchant.tenantId(), true);
        String second = fixtures.newDeal(merchant.token(), Fixtures.deal("Udon reviewed"))
                .getString("id");
        assertEquals("IN_REVIEW", fixtures.publish(merchant.token(), second).getString("status"));
        fixtures.moderate(merchant.tenantId(), false);
        assertEquals(
                "IN_REVIEW",
                http.get("api/v1/deals/" + second, merchant.token()).json().getString("status"),
                "a deal in review stays there when moderation is turned off");

        Reply both = http.put(
                "api/v1/platform/tenants/" + merchant.tenantId(),
                "{\"commissionRate\":\"0.2\",\"moderated\":true}",
                fixtures.operatorToken());
        assertEquals(200, both.status(), both::toString);
        assertEquals("0.2000", both.json().getString("commissionRate"));
        assertTrue(both.json().getBoolean("moderated"));
        Reply badRate = http.put(
                "api/v1/platform/tenants/" + merchant.tenantId(),
                "{\"commissionRate\":\"2\",\"moderated\":false}",
                fixtures.operatorToken());
        assertEquals(400, badRate.status(), badRate::toString);
        assertTrue(tenantOf(merchant.tenantId()).getBoolean("moderated"), "a refused change changes nothing");
        assertEquals(
                400,
                http.put("api/v1/platform/tenants/" + merchant.tenantId(), "{}", fixtures.operatorToken())
                        .status());
        assertEquals(
                400,
                http.put(
                                "api/v1/platform/tenants/" + merchant.tenantId(),
                                "{\"moderated\":\"yes\"}",
                                fixtures.operatorToken())
                        .status());
    }

    @Test
    void onlyTheOperatorReviewsAndAMerchantCannotApproveItsOwnDeal() {
        Fixtures.Merchant merchant = fixtures.moderatedMerchantWithStore("Moderated Mochi");
        String id =
                fixtures.newDeal(merchant.token(), Fixtures.deal("Mochi box")).getString("id");
        fixtures.publish(merchant.token(), id);
        String store = http.get("api/v1/stores", merchant.token())
                .json()
                .getJsonArray("items")
                .getJsonObject(0)
                .getString("id");
        String staff = fixtures.token(
                fixtures.newStaff(merchant.token(), List.of(store)).getString("email"), Fixtures.PASSWORD);
        String buyer = fixtures.buyer().token();
        String reason = "{\"reason\":\"no\"}";
        for (String token : List.of(merchant.token(), staff, buyer)) {
            assertEquals(403, http.get("api/v1/platform/moderation", token).status());
            assertEquals(
                    403,
                    http.post("api/v1/platform/deals/" + id + "/approve", null, token)
                            .status());
            assertEquals(
                    403,
                    http.post("api/v1/platform/deals/" + id + "/reject", reason, token)
                            .status());
            assertEquals(
                    403,
                    http.put("api/v1/platform/tenants/" + merchant.tenantId(), "{\"moderated\":false}", token)
                            .status());
        }
        assertEquals(401, http.get("api/v1/platform/moderation", null).status());
        assertEquals(
                401,
                http.post("api/v1/platform/deals/" + id + "/approve", null, null)
                        .status());
        assertEquals(
                "IN_REVIEW",
                http.get("api/v1/deals/" + id, merchant.token()).json().getString("status"));
        assertTrue(tenantOf(merchant.tenantId()).getBoolean("moderated"));

        Reply unknown =
                http.post("api/v1/platform/deals/01AAAAAAAAAAAAAAAAAAAAAAAA/approve", null, fixtures.operatorToken());
        assertEquals(404, unknown.status(), unknown::toString);
        assertEquals(
                404,
                http.post("api/v1/platform/deals/not-an-id/reject", reason, fixtures.operatorToken())
                        .status());
    }

    @Test
    void anApprovalARejectionAndTheMerchantsCancellationRacingEachOtherHaveOneWinner() throws Exception {
        Fixtures.Merchant merchant = fixtures.moderatedMerchantWithStore("Moderated Race Rolls");
        String operator = fixtures.operatorToken();
        Instant now = Instant.now();
        for (int round = 0; round < 6; round++) {
            String id = fixtures.newDeal(
                            merchant.token(),
                            Fixtures.deal(
                                    "Race roll " + round,
                                    now.minusSeconds(60),
                                    now.plus(Duration.ofDays(2)),
                                    List.of()))
                    .getString("id");
            fixtures.publish(merchant.token(), id);
            List<String> kinds = new ArrayList<>();
            List<Callable<Reply>> calls = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                kinds.add("approve");
                calls.add(() -> http.post("api/v1/platform/deals/" + id + "/approve", null, operator));
                kinds.add("reject");
                calls.add(() -> http.post(
                        "api/v1/platform/deals/" + id + "/reject", "{\"reason\":\"Too many rolls.\"}", operator));
                if (round % 2 == 0) {
                    kinds.add("cancel");
                    calls.add(() -> http.post("api/v1/deals/" + id + "/cancel", null, merchant.token()));
                }
            }
            List<Reply> replies = Buying.inParallel(calls.size(), calls);
            String review = null;
            int reviews = 0;
            int cancels = 0;
            for (int i = 0; i < replies.size(); i++) {
                Reply reply = replies.get(i);
                if (reply.status() == 200) {
                    if (kinds.get(i).equals("cancel")) {
                        cancels++;
                    } else {
                        reviews++;
                        review = reply.json().getString("status");
                    }
                } else {
                    assertEquals(409, reply.status(), reply::toString);
                    assertTrue(
                            List.of("deal-not-in-review", "deal-not-cancellable")
                                    .contains(reply.problem()),
                            reply::toString);
                }
            }
            // a cancellation may follow a decision (a draft or a deal on sale can be cancelled), never two decisions
            assertTrue(reviews <= 1 && cancels <= 1, "at most one decision and one cancellation: " + replies);
            assertEquals(1, reviews + (reviews == 0 ? cancels : 0), "the deal left review exactly once: " + replies);
            String status =
                    http.get("api/v1/deals/" + id, merchant.token()).json().getString("status");
            assertEquals(cancels == 1 ? "CANCELLED" : review, status, replies::toString);
            int mails =
                    (int) Buying.query("SELECT COUNT(*) FROM mail_outbox WHERE cause_key LIKE ?", "deal-%:" + id + ":%")
                            .get(0)
                            .stream()
                            .mapToLong(Long::parseLong)
                            .sum();
            assertEquals(reviews, mails, "one mail for the one decision, none for a cancellation in review");
        }
    }

    private Reply reject(String id, String reason) {
        Reply reply = http.post(
                "api/v1/platform/deals/" + id + "/reject",
                Json.createObjectBuilder().add("reason", reason).build().toString(),
                fixtures.operatorToken());
        assertEquals(200, reply.status(), reply::toString);
        return reply;
    }

    private String queueBody() {
        Reply queue = http.get("api/v1/platform/moderation?size=100", fixtures.operatorToken());
        assertEquals(200, queue.status(), queue::toString);
        return queue.body();
    }

    /** The deal as the operator's queue shows it (the queue is shared by every test of the run: paged through). */
    private JsonObject inQueue(String id) {
        for (int page = 0; page < 50; page++) {
            Reply queue = http.get("api/v1/platform/moderation?size=100&page=" + page, fixtures.operatorToken());
            assertEquals(200, queue.status(), queue::toString);
            var items = queue.json().getJsonArray("items");
            for (JsonObject item : items.getValuesAs(JsonObject.class)) {
                if (item.getString("id").equals(id)) {
                    assertEquals("IN_REVIEW", item.getString("status"));
                    return item;
                }
            }
            if (items.size() < 100) {
                break;
            }
        }
        throw new AssertionError("deal " + id + " is not in the moderation queue");
    }

    private JsonObject tenantOf(String tenantId) {
        for (int page = 0; page < 50; page++) {
            Reply tenants = http.get("api/v1/platform/tenants?size=100&page=" + page, fixtures.operatorToken());
            assertEquals(200, tenants.status(), tenants::toString);
            for (JsonObject t : tenants.json().getJsonArray("items").getValuesAs(JsonObject.class)) {
                if (t.getString("tenantId").equals(tenantId)) {
                    return t;
                }
            }
        }
        throw new AssertionError("no tenant " + tenantId);
    }
}
