package io.groupdeal.interfaces.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.groupdeal.application.problem.Clash;
import io.groupdeal.application.problem.InvalidInput;
import io.groupdeal.application.problem.InvalidInput.FieldError;
import io.groupdeal.application.problem.Reason;
import io.groupdeal.domain.shared.Language;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every problem the code can answer has its words in English and Simplified Chinese. The keys are found by reading the
 * sources (every problem type, reason and field rule written there), so a new problem, reason or rule without words in
 * both bundles fails the build; and the wording picks the language of {@code Accept-Language} as the API promises.
 */
class ProblemWordsTest {

    private static final Path MODULE = Path.of(System.getProperty("basedir", "."));
    private static final List<Path> SOURCES = List.of(
            MODULE.resolve("src/main/java"),
            MODULE.resolve("../deal-ejb/src/main/java"),
            MODULE.resolve("../deal-persistence/src/main/java"));

    private static final String L = "\"([a-z][a-z0-9.-]*)\"";
    /** Problem types, each needs {@code title.<type>}. */
    private static final List<Pattern> TYPES = List.of(
            Pattern.compile("new (?:Clash|NotPermitted|NoLongerUsable|NotPossible)\\(" + L),
            Pattern.compile("new NotFound\\(" + L + ", "),
            Pattern.compile("new InvalidInput\\(" + L + ", Reason"),
            Pattern.compile("super\\(" + L + ", Reason"),
            Pattern.compile("ProblemDocument\\.of\\(\\d+, " + L),
            Pattern.compile("ProblemWriter\\.write\\(request, response, \\d+, " + L),
            Pattern.compile("String NAME = " + L));
    /** Problems worded by their type alone, each needs {@code detail.<type>}. */
    private static final List<Pattern> DETAILS_BY_TYPE = List.of(
            Pattern.compile("new (?:Clash|NotPermitted|NoLongerUsable)\\(" + L + "\\)"),
            Pattern.compile("new NotPossible\\(" + L + "(?:\\)|, \\w+\\))"),
            Pattern.compile("ProblemDocument\\.of\\(\\d+, " + L + ", language"),
            Pattern.compile("ProblemWriter\\.write\\(request, response, \\d+, " + L));

    private static final Pattern REASON = Pattern.compile("Reason\\.of\\(" + L);
    private static final Pattern NOT_FOUND = Pattern.compile("new NotFound\\(" + L + "\\)");
    private static final List<Pattern> RULES = List.of(
            Pattern.compile("FieldError\\.of\\([^,]+, " + L),
            Pattern.compile("new InvalidInput\\((?:\"[^\"]*\"|\\w+), " + L),
            Pattern.compile("new InvalidValue\\((?:\"[^\"]*\"|\\w+), " + L),
            Pattern.compile("Violation\\.of\\([^,]+, " + L),
            Pattern.compile("wrong\\(field, " + L),
            Pattern.compile("\"(plain-text\\.[a-z-]+)\""));
    private static final Pattern LITERAL = Pattern.compile(L);

    @Test
    void bothBundlesHaveTheSameKeys() throws IOException {
        Set<String> english = bundle("problems.properties").stringPropertyNames();
        Set<String> chinese = bundle("problems_zh_CN.properties").stringPropertyNames();
        Set<String> onlyEnglish = new TreeSet<>(english);
        onlyEnglish.removeAll(chinese);
        Set<String> onlyChinese = new TreeSet<>(chinese);
        onlyChinese.removeAll(english);
        assertEquals(Set.of(), onlyEnglish, "keys without Chinese words");
        assertEquals(Set.of(), onlyChinese, "keys without English words");
        bundle("problems_zh_CN.properties")
                .forEach((key, value) -> assertTrue(
                        value.toString()
                                        .codePoints()
                                        .anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)
                                || value.toString().chars().noneMatch(c -> c < 128 && Character.isLetter(c)),
                        key + " is not written in Chinese: " + value));
    }

    @Test
    void everyProblemTypeReasonAndRuleInTheCodeHasWordsInBothLanguages() throws IOException {
        String code = sources();
        Set<String> types = found(code, TYPES);
        types.addAll(List.of(
                "validation",
                "rate-limited",
                "busy",
                "payment-declined",
                "payment-unavailable",
                "bad-credentials",
                "not-found"));
        Set<String> needed = new TreeSet<>();
        types.forEach(type -> needed.add("title." + type));
        found(code, DETAILS_BY_TYPE).forEach(type -> needed.add("detail." + type));
        found(code, List.of(REASON)).stream()
                .filter(r -> !r.endsWith("."))
                .forEach(reason -> needed.add("detail." + reason));
        found(code, List.of(NOT_FOUND)).forEach(what -> needed.add("detail.not-found." + what));
        found(code, RULES).forEach(rule -> needed.add("rule." + rule));
        // reasons chosen in code (a switch, a variable): every literal that starts with a problem type and a dot
        Matcher literal = LITERAL.matcher(code);
        while (literal.find()) {
            String text = literal.group(1);
            int dot = text.indexOf('.');
            if (dot > 0 && !text.endsWith(".") && types.contains(text.substring(0, dot))) {
                needed.add("detail." + text);
            }
        }
        assertTrue(needed.size() > 120, "the scan finds the problems: " + needed);
        for (String file : List.of("problems.properties", "problems_zh_CN.properties")) {
            Properties words = bundle(file);
            Set<String> missing = new TreeSet<>(needed);
            missing.removeAll(words.stringPropertyNames());
            // a reason built from a prefix ("idempotency-key-missing." + what) needs at least one key under it
            for (String prefix : found(code, List.of(Pattern.compile("Reason\\.of\\(\"([a-z-]+\\.)\" \\+")))) {
                assertTrue(
                        words.stringPropertyNames().stream().anyMatch(k -> k.startsWith("detail." + prefix)), prefix);
            }
            assertEquals(Set.of(), missing, "words missing in " + file);
        }
    }

    @Test
    void aMailsFailureIsWordedForTheOperatorInEachLanguageAndAnOldSentenceStaysAsItWas() {
        assertEquals("The mail server could not be reached.", ProblemWords.mailFailure("unreachable", Language.EN));
        assertEquals("无法连接邮件服务器。", ProblemWords.mailFailure("unreachable", Language.ZH_CN));
        for (String key : List.of(
                "unknown-host",
                "unreachable",
                "timeout",
                "tls",
                "login",
                "bad-address",
                "recipient-refused",
                "refused",
                "other")) { // MailFailure's keys
            for (Language language : Language.values()) {
                assertTrue(ProblemWords.find("mail-failure." + key, language) != null, key + " in " + language);
            }
        }
        // A row written before the keys holds the English sentence: shown as it is, in any language.
        assertEquals(
                "The mail server refused the mail.",
                ProblemWords.mailFailure("The mail server refused the mail.", Language.ZH_CN));
        assertEquals(null, ProblemWords.mailFailure(null, Language.EN));
    }

    @Test
    void acceptLanguagePicksChineseForAnyChineseAndEnglishOtherwise() {
        for (String chinese :
                List.of("zh-CN", "zh", "zh-Hans", "zh-Hans-CN", "zh-CN,zh;q=0.9,en;q=0.8", "fr, zh;q=0.5")) {
            assertEquals(Language.ZH_CN, ProblemWords.language(chinese), chinese);
        }
        for (String english : Stream.of("en", "en-US,zh;q=0.5", "de", "", "*", "zh;q=0", ";;;garbage")
                .toList()) {
            assertEquals(Language.EN, ProblemWords.language(english), english);
        }
        assertEquals(Language.EN, ProblemWords.language((String) null));
        assertEquals(Language.ZH_CN, ProblemWords.language(Locale.SIMPLIFIED_CHINESE));
        assertEquals(Language.EN, ProblemWords.language(Locale.GERMAN));
    }

    @Test
    void aProblemIsWordedInEachLanguageWithTheSameTypeAndFields() {
        Clash soldOut = new Clash("sold-out");
        assertEquals(
                new ProblemWords.Worded("Sold out", "Not enough coupons are left of this deal.", List.of()),
                ProblemWords.word(soldOut, Language.EN));
        assertEquals(
                new ProblemWords.Worded("已售罄", "该团购剩余的团购券不足。", List.of()), ProblemWords.word(soldOut, Language.ZH_CN));

        InvalidInput invalid = new InvalidInput(
                List.of(FieldError.of("title", "max-length", 120), FieldError.of("email", "required")));
        ProblemWords.Worded zh = ProblemWords.word(invalid, Language.ZH_CN);
        assertEquals("请求无效", zh.title());
        assertEquals(
                List.of(
                        new ProblemWords.FieldMessage("title", "最多 120 个字符"),
                        new ProblemWords.FieldMessage("email", "必须填写")),
                zh.errors());
        assertEquals(
                List.of(
                        new ProblemWords.FieldMessage("title", "must have at most 120 characters"),
                        new ProblemWords.FieldMessage("email", "is required")),
                ProblemWords.word(invalid, Language.EN).errors());
        assertEquals("标题最多 120 个字符。", ProblemWords.sentence("title", "最多 120 个字符", Language.ZH_CN));
        assertEquals(
                "Fine print must have at most 4000 characters.",
                ProblemWords.sentence("finePrint", "must have at most 4000 characters", Language.EN));
    }

    @Test
    void valuesAreWordedByKind() {
        ZoneId shanghai = ZoneId.of("Asia/Shanghai");
        Reason redeemed = Reason.of(
                "already-redeemed", "徐汇店", Instant.parse("2026-11-30T05:27:00Z").atZone(shanghai));
        assertEquals(
                "该券已于 2026年11月30日 下午1:27 在 徐汇店 核销。",
                ProblemWords.detail(redeemed, Language.ZH_CN).replace('\u202f', ' '));
        assertTrue(
                ProblemWords.detail(redeemed, Language.EN).startsWith("Already redeemed at 徐汇店 on Nov 30, 2026"),
                ProblemWords.detail(redeemed, Language.EN));
        assertEquals(
                "短时间内尝试次数过多，请 15 分钟后再试。",
                ProblemWords.detail(Reason.of("rate-limited.attempts", Duration.ofMinutes(15)), Language.ZH_CN));
        assertEquals(
                "Too many attempts in a short time. Try again in 30 seconds.",
                ProblemWords.detail(Reason.of("rate-limited.attempts", Duration.ofSeconds(30)), Language.EN));
        assertEquals(
                "该团购券已于 2026年12月31日 过期。",
                ProblemWords.detail(Reason.of("coupon-expired", LocalDate.of(2026, 12, 31)), Language.ZH_CN));
        assertTrue(ProblemWords.detail(Reason.of("store-in-use.deals", "Mitte", List.of("A", "B")), Language.EN)
                .startsWith("Mitte is still needed by the deals \u201cA\u201d, \u201cB\u201d:"));
        assertTrue(ProblemWords.detail(Reason.of("store-in-use.deals", "徐汇店", List.of("A", "B")), Language.ZH_CN)
                .startsWith("团购“A”、“B”仍需要徐汇店"));
        assertEquals(
                "只有草稿状态的团购可以修改，该团购当前状态为已结束。",
                ProblemWords.detail(
                        Reason.of("deal-not-editable", io.groupdeal.domain.deal.DealStatus.ENDED), Language.ZH_CN));
        assertEquals(
                "Only draft deals can be changed; this one is ENDED.",
                ProblemWords.detail(
                        Reason.of("deal-not-editable", io.groupdeal.domain.deal.DealStatus.ENDED), Language.EN));
    }

    private static Set<String> found(String code, List<Pattern> patterns) {
        Set<String> out = new TreeSet<>();
        for (Pattern pattern : patterns) {
            Matcher m = pattern.matcher(code);
            while (m.find()) {
                out.add(m.group(1));
            }
        }
        return out;
    }

    private static String sources() throws IOException {
        List<String> texts = new ArrayList<>();
        for (Path root : SOURCES) {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path file :
                        files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    // the formatter may break a call after "(" or ","; the patterns read it as written on one line
                    texts.add(Files.readString(file).replaceAll("\\(\\s+", "(").replaceAll(",\\s+", ", "));
                }
            }
        }
        assertTrue(texts.size() > 100, "the sources are found from " + MODULE.toAbsolutePath());
        return String.join("\n", texts);
    }

    private static Properties bundle(String name) throws IOException {
        Properties words = new Properties();
        try (Reader in = Files.newBufferedReader(
                MODULE.resolve("src/main/resources/io/groupdeal/interfaces/problem/" + name), StandardCharsets.UTF_8)) {
            words.load(in);
        }
        return words;
    }
}
