package io.groupdeal.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * The API and the mails in English and Simplified Chinese: a problem's title, detail and field messages follow
 * {@code Accept-Language} (zh, zh-CN, zh-Hans: Chinese; anything else: English) while its type, status and field names
 * stay the same; a buyer's mails are in the language the buyer chose, else the tenant's ({@code PUT /settings
 * language}), with amounts as the language writes them; a CSV file's header follows {@code Accept-Language}, its values
 * do not.
 */
@org.junit.jupiter.api.extension.ExtendWith(LedgerAgrees.class)
// Alongside other test classes (see deal-web's POM); its own tests one after another.
@Execution(ExecutionMode.CONCURRENT)
@ResourceLock("ApiLanguagesIT")
// It reads the run's mail server, which SettlementIT stops for a while.
@ResourceLock(value = "mail-server", mode = ResourceAccessMode.READ)
class ApiLanguagesIT extends DeployedApp {

    private static final Map<String, String> CHINESE = Map.of("Accept-Language", "zh-CN");

    private Fixtures.Merchant merchant;

    @BeforeEach
    void merchant() {
        merchant = fixtures.merchant("Lingual Lanzhou");
        fixtures.newStore(merchant.token(), "Lingual Lanzhou Xuhui");
    }

    @Test
    void aSoldOutDealIsAnsweredInChineseToAClientThatAsksForItAndInEnglishOtherwise() throws Exception {
        String dealId = buying.dealIdOnSale(
                merchant, "Last Lamian", d -> d.add("maxQuantity", 1).add("perBuyerLimit", 1));
        assertEquals(201, buying.buy(fixtures.buyer(), dealId, 1).status());
        Fixtures.Person late = fixtures.buyer();
        byte[] order = Buying.order(dealId, 1, "tok_ok").getBytes(StandardCharsets.UTF_8);

        RawHttp.Answer chinese;
        try (RawHttp curl = new RawHttp(http.base())) {
            Map<String, String> head =
                    new LinkedHashMap<>(RawHttp.head(late.token(), "application/json", order.length));
            head.put("Idempotency-Key", UUID.randomUUID().toString());
            head.put("Accept-Language", "zh-CN,zh;q=0.9,en;q=0.8");
            chinese = curl.send("POST", http.base().getPath() + "api/v1/orders", head, order);
        }
        Reply english = http.order(
                Buying.order(dealId, 1, "tok_ok"),
                late.token(),
                UUID.randomUUID().toString());

        assertEquals(409, chinese.status(), chinese::toString);
        assertTrue(chinese.header("Content-Type").startsWith("application/problem+json"), chinese::toString);
        JsonObject zh = json(chinese.body());
        assertEquals("/problems/sold-out", zh.getString("type"));
        assertEquals("已售罄", zh.getString("title"));
        assertEquals("该团购剩余的团购券不足。", zh.getString("detail"));
        assertEquals(409, english.status(), english::toString);
        assertEquals(
                zh.getString("type"), english.json().getString("type"), "the type never changes with the language");
        assertEquals(zh.getInt("status"), english.json().getInt("status"));
        assertEquals("Sold out", english.json().getString("title"));
        assertEquals("Not enough coupons are left of this deal.", english.json().getString("detail"));
    }

    @Test
    void fieldErrorsKeepTheirNamesAndSpeakTheClientsLanguage() {
        String bad = Fixtures.deal(
                        "", java.time.Instant.now(), java.time.Instant.now().plusSeconds(3600), List.of())
                .add("currency", "EUX")
                .add("minBuyers", 0)
                .build()
                .toString();
        Reply zh = http.send("POST", "api/v1/deals", bad, merchant.token(), "application/json", CHINESE);
        Reply en = http.post("api/v1/deals", bad, merchant.token());

        assertEquals(400, zh.status(), zh::toString);
        assertEquals(400, en.status(), en::toString);
        assertEquals("/problems/validation", zh.json().getString("type"));
        assertEquals(en.json().getString("type"), zh.json().getString("type"));
        assertEquals("请求无效", zh.json().getString("title"));
        assertEquals("Invalid request", en.json().getString("title"));
        List<JsonObject> zhErrors = zh.json().getJsonArray("errors").getValuesAs(JsonObject.class);
        List<JsonObject> enErrors = en.json().getJsonArray("errors").getValuesAs(JsonObject.class);
        assertEquals(
                enErrors.stream().map(e -> e.getString("field")).toList(),
                zhErrors.stream().map(e -> e.getString("field")).toList(),
                "the same fields, named as in the JSON");
        assertTrue(
                zhErrors.stream()
                        .map(e -> e.getString("field"))
                        .toList()
                        .containsAll(List.of("title", "currency", "minBuyers")),
                zh::toString);
        for (int i = 0; i < zhErrors.size(); i++) {
            assertTrue(hasChinese(zhErrors.get(i).getString("message")), zh::toString);
            assertFalse(hasChinese(enErrors.get(i).getString("message")), en::toString);
        }
        assertEquals("必须填写", message(zhErrors, "title"));
        assertEquals("is required", message(enErrors, "title"));
        assertEquals("须在 1 到 1000000 之间", message(zhErrors, "minBuyers"));
        assertEquals("must be between 1 and 1000000", message(enErrors, "minBuyers"));
        assertEquals("须为 ISO 4217 货币代码，例如 CNY", message(zhErrors, "currency"));
    }

    @Test
    void refusalsBeforeAndOutsideTheResourcesFollowTheLanguageToo() {
        Fixtures.Person buyer = fixtures.buyer();
        Map<String, Reply> zh = new LinkedHashMap<>();
        zh.put("unauthorized", http.send("GET", "api/v1/stores", null, null, null, CHINESE));
        zh.put("invalid-token", http.send("GET", "api/v1/stores", null, "not-a-token", null, CHINESE));
        zh.put("forbidden", http.send("GET", "api/v1/stores", null, buyer.token(), null, CHINESE));
        zh.put(
                "not-found",
                http.send("GET", "api/v1/deals/" + UUID.randomUUID(), null, merchant.token(), null, CHINESE));
        Map<String, String> titles =
                Map.of("unauthorized", "未登录", "invalid-token", "未登录", "forbidden", "无权操作", "not-found", "未找到");
        zh.forEach((type, reply) -> {
            assertEquals(type, reply.problem(), reply::toString);
            assertEquals(titles.get(type), reply.json().getString("title"), reply::toString);
            assertTrue(hasChinese(reply.json().getString("detail")), reply::toString);
        });
        assertEquals("找不到该团购。", zh.get("not-found").json().getString("detail"));

        Reply english = http.get("api/v1/deals/" + UUID.randomUUID(), merchant.token());
        assertEquals("not-found", english.problem());
        assertEquals("No deal with this id.", english.json().getString("detail"));
        for (String other : List.of("zh", "zh-Hans", "zh-Hans-CN")) {
            Reply reply =
                    http.send("GET", "api/v1/stores", null, buyer.token(), null, Map.of("Accept-Language", other));
            assertEquals("无权操作", reply.json().getString("title"), other);
        }
        for (String other : List.of("en-US", "fr, de;q=0.5", "en, zh;q=0.1")) {
            Reply reply =
                    http.send("GET", "api/v1/stores", null, buyer.token(), null, Map.of("Accept-Language", other));
            assertEquals("Forbidden", reply.json().getString("title"), other);
            assertEquals("Your role may not do this.", reply.json().getString("detail"), other);
        }
    }

    @Test
    void theTenantsMailLanguageIsASettingAndABadOneChangesNothing() {
        Reply before = http.get("api/v1/settings", merchant.token());
        assertEquals("en", before.json().getString("language"), "English until the merchant chooses");
        JsonObject settings = before.json();

        Reply refused = http.send(
                "PUT",
                "api/v1/settings",
                settingsBody(settings, "Renamed", "klingon"),
                merchant.token(),
                "application/json",
                CHINESE);
        assertEquals(400, refused.status(), refused::toString);
        JsonObject error = refused.json().getJsonArray("errors").getJsonObject(0);
        assertEquals("language", error.getString("field"));
        assertEquals("须为 en 或 zh-CN", error.getString("message"));
        Reply unchanged = http.get("api/v1/settings", merchant.token());
        assertEquals(settings, unchanged.json(), "nothing changed, not even the name sent with the bad language");

        Reply chosen = http.put(
                "api/v1/settings",
                settingsBody(settings, settings.getString("businessName"), "zh-CN"),
                merchant.token());
        assertEquals(200, chosen.status(), chosen::toString);
        assertEquals("zh-CN", chosen.json().getString("language"));
        Reply kept = http.put(
                "api/v1/settings",
                Json.createObjectBuilder()
                        .add("businessName", "Lingual Lanzhou")
                        .add("timeZone", "Asia/Shanghai")
                        .add("undoWindowMinutes", 5)
                        .build()
                        .toString(),
                merchant.token());
        assertEquals("zh-CN", kept.json().getString("language"), "a PUT without language leaves it");
        assertEquals("Asia/Shanghai", kept.json().getString("timeZone"));
    }

    @Test
    void aBuyerOfAChineseTenantGetsTheConfirmationInChineseWithYuanAmountsIntactInUtf8() throws Exception {
        Reply chosen = http.put(
                "api/v1/settings",
                Json.createObjectBuilder()
                        .add("businessName", "Lingual Lanzhou")
                        .add("timeZone", "Asia/Shanghai")
                        .add("undoWindowMinutes", 5)
                        .add("language", "zh-CN")
                        .build()
                        .toString(),
                merchant.token());
        assertEquals(200, chosen.status(), chosen::toString);
        String dealId = yuanDeal("兰州牛肉面双人餐");
        Fixtures.Person buyer = fixtures.buyer();
        JsonObject order = buying.buy(buyer, dealId, 2).json();

        MimeMessage mail = single(buyer.email(), "您的团购券：兰州牛肉面双人餐");
        String text = Mailbox.part(mail, "text/plain");
        String html = Mailbox.part(mail, "text/html");
        assertTrue(text.startsWith("Test Buyer，您好："), text);
        assertTrue(text.contains("感谢您在Lingual Lanzhou订购“兰州牛肉面双人餐”2 份。已扣款 ¥198.00。到店出示券码即可核销使用。"), text);
        assertTrue(text.contains("适用门店") && text.contains("Lingual Lanzhou Xuhui") && text.contains("使用须知"), text);
        assertTrue(text.contains("订单号 " + order.getString("id")), text);
        assertTrue(text.contains(order.getJsonArray("coupons").getJsonObject(0).getString("code")), text);
        assertTrue(html.contains("lang=\"zh-CN\"") && html.contains("查看我的团购券") && html.contains("¥198.00"), html);
        assertFalse(text.contains("Hello") || text.contains("We charged"), text);
        String raw = raw(mail);
        assertTrue(raw.contains("Subject: =?UTF-8?"), "the subject is encoded as UTF-8: " + raw.substring(0, 600));
        assertTrue(
                raw.toLowerCase().contains("text/plain; charset=utf-8")
                        && raw.toLowerCase().contains("text/html; charset=utf-8"),
                "both parts say they are UTF-8");
    }

    @Test
    void aBuyerWhoChoseChineseGetsChineseMailFromAnEnglishTenantAndOthersGetEnglish() throws Exception {
        String dealId = yuanDeal("Hand-pulled Noodles");
        Fixtures.Person chinese = fixtures.buyer();
        assertEquals(1, Buying.update("UPDATE account SET language = 'ZH_CN' WHERE id = ?", chinese.id()));
        Fixtures.Person english = fixtures.buyer();
        assertEquals(201, buying.buy(chinese, dealId, 1).status());
        assertEquals(201, buying.buy(english, dealId, 1).status());

        String zh = Mailbox.part(single(chinese.email(), "您的团购券：Hand-pulled Noodles"), "text/plain");
        assertTrue(zh.contains("感谢您在Lingual Lanzhou订购“Hand-pulled Noodles”1 份。已扣款 ¥99.00。"), zh);
        String en = Mailbox.part(single(english.email(), "Your coupons: Hand-pulled Noodles"), "text/plain");
        assertTrue(en.startsWith("Hello Test Buyer,") && en.contains("We charged CN¥99.00."), en);
        // The outbox marks the mail SENT after the SMTP server took it: a moment after the mail arrived.
        List<List<String>> sent = List.of(List.of("您的团购券：Hand-pulled Noodles"));
        assertEquals(
                sent,
                Buying.awaitQuery(
                        sent,
                        30,
                        "SELECT subject FROM mail_outbox WHERE recipient = ? AND status = 'SENT'",
                        chinese.email()),
                "the outbox lists the subject as sent");
    }

    @Test
    void aReportsCsvHeaderFollowsTheLanguageAndItsValuesDoNot() {
        String dealId = buying.dealIdOnSale(merchant, "Counted Congee", d -> {});
        assertEquals(201, buying.buy(fixtures.buyer(), dealId, 2).status());
        Reply zh = http.send("GET", "api/v1/deals/" + dealId + "/report.csv", null, merchant.token(), null, CHINESE);
        Reply en = http.get("api/v1/deals/" + dealId + "/report.csv", merchant.token());
        assertEquals(200, zh.status(), zh::toString);
        String[] zhLines = zh.body().split("\r\n");
        String[] enLines = en.body().split("\r\n");
        assertEquals("分类,键,售出,核销,退款,销售额,核销率", zhLines[0]);
        assertEquals("section,key,sold,redeemed,refunded,revenue,redemption_rate", enLines[0]);
        assertEquals(
                List.of(enLines).subList(1, enLines.length),
                List.of(zhLines).subList(1, zhLines.length),
                "the values are the same in every language");
        assertTrue(zhLines[1].startsWith("total,,2,"), zhLines[1]);
    }

    private static MimeMessage single(String recipient, String subject) throws Exception {
        List<MimeMessage> found = Mailbox.awaitMail(recipient, subject, 60);
        assertEquals(
                1,
                found.size(),
                () -> "one mail \"" + subject + "\" to " + recipient + "; all: " + subjects(recipient));
        return found.get(0);
    }

    private static List<String> subjects(String recipient) {
        try {
            return Mailbox.mails(recipient, "").stream()
                    .map(m -> {
                        try {
                            return m.getSubject();
                        } catch (Exception e) {
                            return e.toString();
                        }
                    })
                    .toList();
        } catch (Exception e) {
            return List.of(e.toString());
        }
    }

    /** The mail as the SMTP server received it, before any decoding. */
    private static String raw(MimeMessage mail) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        mail.writeTo(bytes);
        return bytes.toString(StandardCharsets.ISO_8859_1);
    }

    private static String settingsBody(JsonObject settings, String name, String language) {
        return Json.createObjectBuilder()
                .add("businessName", name)
                .add("timeZone", settings.getString("timeZone"))
                .add("undoWindowMinutes", settings.getInt("undoWindowMinutes"))
                .add("language", language)
                .build()
                .toString();
    }

    private static String message(List<JsonObject> errors, String field) {
        return errors.stream()
                .filter(e -> e.getString("field").equals(field))
                .findFirst()
                .orElseThrow()
                .getString("message");
    }

    private static boolean hasChinese(String text) {
        return text.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
    }

    private static JsonObject json(String body) {
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            return reader.readObject();
        }
    }

    /** A deal on sale at ¥99.00 (worth ¥158.00): its id. */
    private String yuanDeal(String title) {
        return buying.dealIdOnSale(
                merchant,
                title,
                d -> d.add("currency", "CNY").add("price", "99.00").add("originalValue", "158.00"));
    }
}
