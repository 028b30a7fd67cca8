package io.groupdeal.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * Team buys (拼团) against the real database and the sandbox: a team is authorised only until its last seat is paid,
 * then every member is captured; it never takes more than its size however many join at once; a buyer is in one
 * open team per deal; a team that does not fill in time fails with every authorisation voided; a declined card frees
 * its seat; the Idempotency-Key answers the first answer. {@link LedgerAgrees} checks the books after the class.
 */
@ExtendWith(LedgerAgrees.class)
// Alongside other test classes (see deal-web's POM); its own tests one after another.
@Execution(ExecutionMode.CONCURRENT)
@ResourceLock("TeamsIT")
// It reads the run's mail server, which SettlementIT stops for a while.
@ResourceLock(value = "mail-server", mode = ResourceAccessMode.READ)
// Among the first classes to start (see MailOpsIT): its tests wait for teams to fill and to run out.
@Order(6)
class TeamsIT extends DeployedApp {

    private Fixtures.Merchant merchant;

    @BeforeEach
    void setUp() {
        merchant = fixtures.merchantWithStore("Team Tea House");
    }

    private int sold(String dealId) {
        return http.get("api/v1/deals/" + dealId, merchant.token()).json().getInt("sold");
    }

    /** Waits up to {@code seconds} for the team to reach the status, and fails with the team as last seen if not. */
    private void awaitTeam(String teamId, String status, int seconds) throws InterruptedException {
        JsonObject team = null;
        for (int i = 0; i < seconds * 2 && (team == null || !status.equals(team.getString("status"))); i++) {
            Thread.sleep(500);
            team = http.get("api/v1/teams/" + teamId, null).json();
        }
        assertEquals(status, team.getString("status"), String.valueOf(team));
    }

    private String teamDeal(String title, int size, int perBuyerLimit) {
        return buying.dealIdOnSale(
                merchant,
                title,
                d -> d.add("teamSize", size)
                        .add("teamPrice", "9.90")
                        .add("teamWindowMinutes", 60)
                        .add("perBuyerLimit", perBuyerLimit));
    }

    private Reply start(Fixtures.Person buyer, String dealId, String token, String key) {
        return http.send(
                "POST",
                "api/v1/teams",
                Json.createObjectBuilder()
                        .add("dealId", dealId)
                        .add("paymentToken", token)
                        .build()
                        .toString(),
                buyer.token(),
                "application/json",
                Map.of("Idempotency-Key", key));
    }

    private Reply join(Fixtures.Person buyer, String teamId, String token, String key) {
        return http.send(
                "POST",
                "api/v1/teams/" + teamId + "/members",
                Json.createObjectBuilder().add("paymentToken", token).build().toString(),
                buyer.token(),
                "application/json",
                Map.of("Idempotency-Key", key));
    }

    private static String key() {
        return UUID.randomUUID().toString();
    }

    private static List<String> teamOrders(String teamId) throws Exception {
        return Buying.query("SELECT order_id FROM team_member WHERE team_id = ?", teamId).stream()
                .map(r -> r.get(0))
                .toList();
    }

    @Test
    void theMemberWhoFillsTheTeamCompletesItAndEveryMemberIsCaptured() throws Exception {
        String dealId = teamDeal("Team Dumplings", 3, 4);
        Fixtures.Person first = fixtures.buyer();
        Fixtures.Person second = fixtures.buyer();
        Fixtures.Person third = fixtures.buyer();

        Reply started = start(first, dealId, "tok_ok", key());
        assertEquals(201, started.status(), started::toString);
        JsonObject team = started.json();
        String teamId = team.getString("id");
        assertEquals("OPEN", team.getString("status"));
        assertEquals(3, team.getInt("size"));
        assertEquals(1, team.getJsonArray("members").size());
        assertTrue(team.getString("shareUrl").endsWith("/team.xhtml?id=" + teamId), team::toString);

        JsonObject seen = http.get("api/v1/teams/" + teamId, null).json();
        assertEquals(
                "Test",
                seen.getJsonArray("members").getJsonObject(0).getString("firstName"),
                "first names only, to anyone");
        assertFalse(seen.toString().contains(first.email()), "no email on the shared page");

        Reply joined = join(second, teamId, "tok_ok", key());
        assertEquals(201, joined.status(), joined::toString);
        assertEquals("OPEN", joined.json().getString("status"));
        String orderOfFirst = teamOrders(teamId).get(0);
        assertEquals(0, Buying.ledger(orderOfFirst, "CAPTURE"), "authorised only while the team is open");
        assertEquals("PENDING", Buying.value("SELECT status FROM coupon WHERE order_id = ?", orderOfFirst));

        String lastKey = key();
        Reply filled = join(third, teamId, "tok_ok", lastKey);
        assertEquals(201, filled.status(), filled::toString);
        assertEquals("COMPLETE", filled.json().getString("status"), "the member who fills the team completes it");
        assertEquals(3, filled.json().getJsonArray("members").size());

        for (String orderId : teamOrders(teamId)) {
            assertEquals(1, Buying.awaitLedger(orderId, "CAPTURE", 1, 20), "every member is captured: " + orderId);
            assertEquals("9.900", Buying.value("SELECT captured FROM sandbox_payment WHERE payment_key = ?", orderId));
        }
        assertEquals(
                List.of(List.of("ACTIVE", "3")),
                Buying.query("SELECT status, COUNT(*) FROM coupon WHERE deal_id = ? GROUP BY status", dealId));
        for (Fixtures.Person member : List.of(first, second, third)) {
            assertEquals(
                    1,
                    Mailbox.awaitMail(member.email(), "Your team is full", 20).size(),
                    member.email());
        }

        Reply again = join(third, teamId, "tok_ok", lastKey);
        assertEquals(201, again.status(), again::toString);
        assertEquals(teamId, again.json().getString("id"), "the same key and body answer the first answer");
        Reply reused = join(third, teamId, "tok_declined", lastKey);
        assertEquals(422, reused.status(), reused::toString);
        assertEquals("idempotency-key-reused", reused.problem());
        assertEquals(3, teamOrders(teamId).size(), "a replay takes no seat");

        Reply closed = join(fixtures.buyer(), teamId, "tok_ok", key());
        assertEquals(409, closed.status(), closed::toString);
        assertEquals("team-closed", closed.problem());
        Reply inChinese = http.send(
                "POST",
                "api/v1/teams/" + teamId + "/members",
                "{\"paymentToken\":\"tok_ok\"}",
                fixtures.buyer().token(),
                "application/json",
                Map.of("Idempotency-Key", key(), "Accept-Language", "zh-CN"));
        assertEquals("team-closed", inChinese.problem(), "the type never changes with the language");
        assertEquals("拼团已结束", inChinese.json().getString("title"), inChinese::toString);
        assertEquals("该拼团已成团、已失败或已过时限。", inChinese.json().getString("detail"), inChinese::toString);

        JsonObject report =
                http.get("api/v1/teams?dealId=" + dealId, merchant.token()).json();
        assertEquals(1, report.getInt("formed"));
        assertEquals(1, report.getInt("completed"));
        assertEquals(0, report.getInt("failed"));
        Reply other = http.get(
                "api/v1/teams?dealId=" + dealId, fixtures.merchant("Other Tea").token());
        assertEquals(404, other.status(), "another business's deal is not found");
    }

    @Test
    void thirtyBuyersJoiningATeamOfFiveAtOnceMakeExactlyFiveMembers() throws Exception {
        String dealId = teamDeal("Team Hotpot", 5, 4);
        Fixtures.Person starter = fixtures.buyer();
        Reply started = start(starter, dealId, "tok_ok", key());
        assertEquals(201, started.status(), started::toString);
        String teamId = started.json().getString("id");
        List<Fixtures.Person> buyers = Buying.inParallel(
                8,
                IntStream.range(0, 29)
                        .mapToObj(i -> (Callable<Fixtures.Person>) fixtures::buyer)
                        .toList());

        List<Callable<Reply>> joins = new ArrayList<>();
        buyers.forEach(b -> joins.add(() -> join(b, teamId, "tok_ok", key())));
        List<Reply> replies = Buying.inParallel(29, joins);

        Map<Integer, Long> byStatus = Buying.byStatus(replies, Set.of("team-full", "team-closed"));
        assertEquals(4L, byStatus.get(201), "exactly the free seats are taken: " + byStatus);
        assertEquals(25L, byStatus.get(409), "everyone else is refused: " + byStatus);

        assertEquals("COMPLETE", http.get("api/v1/teams/" + teamId, null).json().getString("status"));
        assertEquals(
                List.of(List.of("5", "5")), Buying.query("SELECT member_count, size FROM team WHERE id = ?", teamId));
        assertEquals(
                "5",
                Buying.value("SELECT COUNT(*) FROM purchase_order WHERE deal_id = ?", dealId),
                "a refused buyer has no order");
        assertEquals(
                "0",
                Buying.value(
                        "SELECT COUNT(*) FROM sandbox_payment p WHERE NOT EXISTS (SELECT 1 FROM team_member m"
                                + " WHERE m.order_id = p.payment_key) AND p.payment_key IN (SELECT id FROM purchase_order WHERE deal_id = ?)",
                        dealId));
        for (String orderId : teamOrders(teamId)) {
            assertEquals(1, Buying.awaitLedger(orderId, "CAPTURE", 1, 20), orderId);
        }
        assertEquals(5, sold(dealId));
        // completed exactly once: the team's coupons counted once towards the tipping point, one mail per member
        assertEquals(List.of(List.of("5")), Buying.query("SELECT confirmed FROM deal WHERE id = ?", dealId));
        assertEquals(
                List.of(List.of("ACTIVE", "5")),
                Buying.query("SELECT status, COUNT(*) FROM coupon WHERE deal_id = ? GROUP BY status", dealId));
        List<Fixtures.Person> members = new ArrayList<>(List.of(starter));
        for (int i = 0; i < replies.size(); i++) {
            if (replies.get(i).status() == 201) {
                members.add(buyers.get(i));
            }
        }
        for (Fixtures.Person member : members) {
            assertEquals(
                    1,
                    Mailbox.awaitMail(member.email(), "Your team is full", 20).size(),
                    member.email());
        }
    }

    private JsonObject optionDeal(String title, Integer capOfFirst) {
        return buying.dealOnSale(
                merchant,
                title,
                d -> d.add("maxQuantity", 20)
                        .add("perBuyerLimit", 4)
                        .add("teamSize", 3)
                        .add("teamPrice", "9.90")
                        .add("teamWindowMinutes", 60)
                        .add("options", OptionsIT.forOneAndForTwo(capOfFirst)));
    }

    private static String optionId(JsonObject deal, String title) {
        return deal.getJsonArray("options").getValuesAs(JsonObject.class).stream()
                .filter(o -> o.getString("title").equals(title))
                .findFirst()
                .orElseThrow()
                .getString("id");
    }

    private Reply start(Fixtures.Person buyer, String dealId, String optionId) {
        return http.send(
                "POST",
                "api/v1/teams",
                Json.createObjectBuilder()
                        .add("dealId", dealId)
                        .add("optionId", optionId)
                        .add("paymentToken", "tok_ok")
                        .build()
                        .toString(),
                buyer.token(),
                "application/json",
                Map.of("Idempotency-Key", key()));
    }

    private int soldOf(String dealId, String optionTitle) {
        JsonObject deal = http.get("api/v1/deals/" + dealId, merchant.token()).json();
        return deal.getJsonArray("options").getValuesAs(JsonObject.class).stream()
                .filter(o -> o.getString("title").equals(optionTitle))
                .findFirst()
                .orElseThrow()
                .getInt("sold");
    }

    @Test
    void aTeamBuysTheOptionItsStarterChoseAndTheOptionsCapCountsTeamCoupons() throws Exception {
        JsonObject deal = optionDeal("Team Onsen", 2);
        String dealId = deal.getString("id");
        String forOne = optionId(deal, "For 1");

        Reply unnamed = start(fixtures.buyer(), dealId, "tok_ok", key());
        assertEquals(422, unnamed.status(), unnamed::toString);
        assertEquals("option-required", unnamed.problem());
        Reply unknown = start(fixtures.buyer(), dealId, "0".repeat(26));
        assertEquals(422, unknown.status(), unknown::toString);
        assertEquals("unknown-option", unknown.problem());

        Fixtures.Person first = fixtures.buyer();
        Reply started = start(first, dealId, forOne);
        assertEquals(201, started.status(), started::toString);
        JsonObject team = started.json();
        assertEquals(forOne, team.getString("optionId"));
        assertEquals("For 1", team.getString("optionTitle"));
        assertEquals("9.90", team.getString("price"), "every member pays the team price");
        String teamId = team.getString("id");
        assertEquals(201, join(fixtures.buyer(), teamId, "tok_ok", key()).status());
        assertEquals(2, soldOf(dealId, "For 1"), "the option's cap counts team coupons");
        assertEquals(
                List.of(List.of(forOne, "9.900"), List.of(forOne, "9.900")),
                Buying.query("SELECT option_id, unit_price FROM purchase_order WHERE deal_id = ?", dealId));

        Reply alone = buying.buy(fixtures.buyer(), dealId, 1);
        assertEquals(422, alone.status(), "a deal of two options needs one named: " + alone);
        Fixtures.Person late = fixtures.buyer();
        Reply soldOut = http.order(
                Json.createObjectBuilder()
                        .add("dealId", dealId)
                        .add("optionId", forOne)
                        .add("quantity", 1)
                        .add("paymentToken", "tok_ok")
                        .build()
                        .toString(),
                late.token(),
                key());
        assertEquals(409, soldOut.status(), "the team's two coupons took the option's cap of 2: " + soldOut);
        assertEquals("sold-out", soldOut.problem());
        Reply third = join(late, teamId, "tok_ok", key());
        assertEquals(409, third.status(), "the third seat needs a coupon the option no longer has: " + third);
        assertEquals("sold-out", third.problem());
        assertEquals(
                List.of(List.of("OPEN", "2")),
                Buying.query("SELECT status, member_count FROM team WHERE id = ?", teamId),
                "a refused seat is given back");
        assertEquals("0", Buying.value("SELECT COUNT(*) FROM purchase_order WHERE buyer_id = ?", late.id()));

        Buying.update("UPDATE team SET expires_at = UTC_TIMESTAMP(6) - INTERVAL 1 SECOND WHERE id = ?", teamId);
        for (int i = 0; i < 60 && soldOf(dealId, "For 1") != 0; i++) {
            Thread.sleep(500);
        }
        assertEquals(0, soldOf(dealId, "For 1"), "a failed team gives the option's stock back");
        assertEquals(0, sold(dealId));
    }

    @Test
    void teamsStartedAtOnceNeverTakeMoreThanTheOptionsCap() throws Exception {
        JsonObject deal = optionDeal("Team Ramen Bar", 3);
        String dealId = deal.getString("id");
        String forOne = optionId(deal, "For 1");
        List<Fixtures.Person> buyers = Buying.inParallel(
                8,
                IntStream.range(0, 12)
                        .mapToObj(i -> (Callable<Fixtures.Person>) fixtures::buyer)
                        .toList());
        List<Callable<Reply>> starts = new ArrayList<>();
        buyers.forEach(b -> starts.add(() -> start(b, dealId, forOne)));
        List<Reply> replies = Buying.inParallel(12, starts);

        Map<Integer, Long> byStatus = Buying.byStatus(replies, Set.of("sold-out"));
        assertEquals(3L, byStatus.get(201), "as many teams as the option has coupons: " + byStatus);
        assertEquals(9L, byStatus.get(409), byStatus::toString);
        assertEquals(3, soldOf(dealId, "For 1"));
        assertEquals(
                List.of(List.of("3")),
                Buying.query("SELECT COUNT(*) FROM team WHERE deal_id = ?", dealId),
                "a refused start leaves no team behind");
        assertEquals(
                List.of(List.of("3")), Buying.query("SELECT COUNT(*) FROM purchase_order WHERE deal_id = ?", dealId));
    }

    @Test
    void theTeamPriceLiesBelowEveryOptionsPrice() {
        var body = Fixtures.deal("Team Priced High")
                .add("teamSize", 2)
                .add("teamPrice", "20.00")
                .add("teamWindowMinutes", 60)
                .add("options", OptionsIT.forOneAndForTwo(null));
        Reply refused = http.post("api/v1/deals", body.build().toString(), merchant.token());
        assertEquals(400, refused.status(), refused::toString);
        assertTrue(refused.body().contains("teamPrice"), refused::toString);
    }

    @Test
    void aBuyerIsInOneOpenTeamPerDealAndTheLimitCountsTeamCoupons() throws Exception {
        String dealId = teamDeal("Team Noodles", 3, 2);
        Fixtures.Person alice = fixtures.buyer();
        Fixtures.Person bob = fixtures.buyer();
        Reply first = start(alice, dealId, "tok_ok", key());
        assertEquals(201, first.status(), first::toString);

        Reply second = start(alice, dealId, "tok_ok", key());
        assertEquals(409, second.status(), second::toString);
        assertEquals("already-in-team", second.problem());

        Reply other = start(bob, dealId, "tok_ok", key());
        assertEquals(201, other.status(), other::toString);
        String bobsTeam = other.json().getString("id");
        List<Reply> crossing = Buying.inParallel(
                4,
                List.<Callable<Reply>>of(
                        () -> join(alice, bobsTeam, "tok_ok", key()),
                        () -> join(alice, bobsTeam, "tok_ok", key()),
                        () -> start(alice, dealId, "tok_ok", key())));
        crossing.forEach(r -> assertEquals(409, r.status(), r::toString));
        crossing.forEach(r -> assertEquals("already-in-team", r.problem(), r::toString));
        assertEquals(
                "1",
                Buying.value("SELECT COUNT(*) FROM purchase_order WHERE buyer_id = ?", alice.id()),
                "a refused team request leaves no order and charges nothing");
        assertEquals(
                1,
                http.get("api/v1/teams/" + bobsTeam, null)
                        .json()
                        .getJsonArray("members")
                        .size());

        assertEquals(201, buying.buy(alice, dealId, 1).status(), "the limit of 2: the team coupon and one more");
        Reply overLimit = buying.buy(alice, dealId, 1);
        assertEquals(409, overLimit.status(), "the per-buyer limit counts the team coupon: " + overLimit);
        assertEquals("per-buyer-limit", overLimit.problem());
        assertEquals(3, sold(dealId), "the deal's quantity counts team coupons");
    }

    @Test
    void aTeamNotFullAtItsEndFailsAndEveryAuthorisationIsVoided() throws Exception {
        String dealId = teamDeal("Team Sushi", 3, 4);
        Fixtures.Person first = fixtures.buyer();
        Fixtures.Person second = fixtures.buyer();
        String teamId = start(first, dealId, "tok_ok", key()).json().getString("id");
        assertEquals(201, join(second, teamId, "tok_ok", key()).status());
        assertEquals(2, sold(dealId));

        // time passes: the team's window is over
        Buying.update("UPDATE team SET expires_at = UTC_TIMESTAMP(6) - INTERVAL 1 SECOND WHERE id = ?", teamId);

        awaitTeam(teamId, "FAILED", 30);
        for (String orderId : teamOrders(teamId)) {
            assertEquals(1, Buying.awaitLedger(orderId, "VOID", 1, 20), "every authorisation is voided: " + orderId);
            assertEquals(0, Buying.ledger(orderId, "CAPTURE"), "nothing is charged");
            assertEquals("CANCELLED", Buying.value("SELECT status FROM purchase_order WHERE id = ?", orderId));
            assertEquals("VOID", Buying.value("SELECT status FROM coupon WHERE order_id = ?", orderId));
        }
        for (Fixtures.Person member : List.of(first, second)) {
            assertEquals(
                    1,
                    Mailbox.awaitMail(member.email(), "Your team did not fill", 20)
                            .size(),
                    member.email());
        }
        assertEquals(0, sold(dealId), "the stock is back");
        Reply late = join(fixtures.buyer(), teamId, "tok_ok", key());
        assertEquals(409, late.status(), late::toString);
        assertEquals("team-closed", late.problem());
        Reply again = start(first, dealId, "tok_ok", key());
        assertEquals(201, again.status(), "a failed team frees its members for another: " + again);
        assertEquals(
                1,
                http.get("api/v1/teams?dealId=" + dealId, merchant.token())
                        .json()
                        .getInt("failed"));
    }

    @Test
    void aDeclinedCardOnJoiningFreesTheSeat() throws Exception {
        String dealId = teamDeal("Team Bao", 2, 4);
        String teamId = start(fixtures.buyer(), dealId, "tok_ok", key()).json().getString("id");

        Fixtures.Person declined = fixtures.buyer();
        String declinedKey = key();
        Reply refused = join(declined, teamId, "tok_declined", declinedKey);
        assertEquals(402, refused.status(), refused::toString);
        assertEquals(
                402, join(declined, teamId, "tok_declined", declinedKey).status(), "the same key answers the same");
        JsonObject team = http.get("api/v1/teams/" + teamId, null).json();
        assertEquals("OPEN", team.getString("status"));
        assertEquals(1, team.getJsonArray("members").size(), "the seat is free again");

        Reply filled = join(fixtures.buyer(), teamId, "tok_ok", key());
        assertEquals(201, filled.status(), filled::toString);
        assertEquals("COMPLETE", filled.json().getString("status"));
        assertEquals(2, sold(dealId));
    }

    @Test
    void aSeatWhosePaymentAnswerWasLostIsSettledByTheReconcilerAndTheTeamCompletesOnce() throws Exception {
        String dealId = teamDeal("Team Gyoza", 2, 4);
        Fixtures.Person first = fixtures.buyer();
        String teamId = start(first, dealId, "tok_ok", key()).json().getString("id");
        Fixtures.Person late = fixtures.buyer();
        String lostKey = key();
        Reply lost = join(late, teamId, "tok_timeout", lostKey);
        assertEquals(503, lost.status(), "the card was charged but its answer never came: " + lost);
        assertEquals("payment-unavailable", lost.problem());

        // the reconciler finds the authorisation (the reservation ends after 3 s in ITs), the team job then completes
        awaitTeam(teamId, "COMPLETE", 40);
        for (String orderId : teamOrders(teamId)) {
            assertEquals(1, Buying.awaitLedger(orderId, "CAPTURE", 1, 20), "every member is captured: " + orderId);
        }
        assertEquals(1, Mailbox.awaitMail(late.email(), "Your team is full", 20).size());
        assertEquals(
                List.of(List.of("2")),
                Buying.query("SELECT confirmed FROM deal WHERE id = ?", dealId),
                "the reconciled seat counts towards the tipping point with its team, when it completes (not alone before)");
        assertEquals(
                0, Mailbox.mails(late.email(), "Order received").size(), "a team member gets the team's mails only");
        Reply replay = join(late, teamId, "tok_timeout", lostKey);
        assertEquals(201, replay.status(), "the same key answers what the request became: " + replay);
        assertEquals("COMPLETE", replay.json().getString("status"));
    }

    @Test
    void aSeatWhosePaymentNeverCameIsGivenBackBeforeTheTeamsEnd() throws Exception {
        String dealId = teamDeal("Team Wonton", 3, 4);
        String teamId = start(fixtures.buyer(), dealId, "tok_ok", key()).json().getString("id");
        Fixtures.Person slow = fixtures.buyer();
        Reply lost = join(slow, teamId, "tok_slow", key());
        assertEquals(503, lost.status(), "the gateway did not answer in time: " + lost);
        assertEquals(
                2,
                http.get("api/v1/teams/" + teamId, null)
                        .json()
                        .getJsonArray("members")
                        .size(),
                "the seat is held while its payment is unknown");

        // the reconciler bars the key and releases the order unpaid; the team job gives the seat back to the open team
        JsonObject team = null;
        for (int i = 0; i < 60 && (team == null || team.getJsonArray("members").size() != 1); i++) {
            Thread.sleep(500);
            team = http.get("api/v1/teams/" + teamId, null).json();
        }
        assertEquals(1, team.getJsonArray("members").size(), team::toString);
        assertEquals("OPEN", team.getString("status"), "long before the team's end");
        assertEquals(201, join(fixtures.buyer(), teamId, "tok_ok", key()).status());
        Reply filled = join(fixtures.buyer(), teamId, "tok_ok", key());
        assertEquals(201, filled.status(), filled::toString);
        assertEquals("COMPLETE", filled.json().getString("status"));
        assertEquals(
                "0",
                Buying.value(
                        "SELECT COUNT(*) FROM purchase_order WHERE buyer_id = ? AND released_at IS NULL", slow.id()),
                "the lost payment's order keeps no stock");
    }

    @Test
    void teamTermsAreCheckedAndADealWithoutThemOffersNoTeam() {
        var tooBig = Fixtures.deal("Team Too Big")
                .add("teamSize", 11)
                .add("teamPrice", "25.00")
                .add("teamWindowMinutes", 60);
        Reply refused = http.post("api/v1/deals", tooBig.build().toString(), merchant.token());
        assertEquals(400, refused.status(), refused::toString);
        assertTrue(refused.body().contains("teamSize") && refused.body().contains("teamPrice"), refused::toString);

        String plain = buying.dealIdOnSale(merchant, "No Team Here", d -> {});
        Reply none = start(fixtures.buyer(), plain, "tok_ok", key());
        assertEquals(409, none.status(), none::toString);
        assertEquals("team-not-offered", none.problem());
        assertEquals(404, http.get("api/v1/teams/" + "0".repeat(26), null).status());
    }
}
