package io.groupdeal.interfaces.problem;

import io.groupdeal.application.problem.InvalidInput.FieldError;
import io.groupdeal.application.problem.Problem;
import io.groupdeal.application.problem.Reason;
import io.groupdeal.domain.shared.Language;
import io.groupdeal.domain.shared.LocalFormats;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.stream.Collectors;

/**
 * Words a problem for a reader, in English or Simplified Chinese, from the bundle {@code problems} (this package):
 * the title by the problem's type ({@code title.<type>}), the detail by its reason ({@code detail.<reason>}, with
 * {@code {0}}, {@code {1}} for the reason's values) and each field error by its rule ({@code rule.<rule>}). The
 * problem's type, status, field names and extension members never change with the language. Used by the REST
 * mappers (the request's {@code Accept-Language}), the filters that answer before JAX-RS, and the pages (the view's
 * locale). Values are worded by kind: a moment in a zone and a day as the reader writes them ({@link LocalFormats}),
 * a wait in minutes or seconds, a list of titles in quotes, a status by its name in the bundle ({@code value.<Enum>.<NAME>}).
 */
public final class ProblemWords {

    static final String BUNDLE = "io.groupdeal.interfaces.problem.problems";

    private static final ResourceBundle.Control ONLY_PROPERTIES =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private ProblemWords() {}

    /** A problem worded: its title, its detail and its field errors' messages, in the order of the problem's. */
    public record Worded(String title, String detail, List<FieldMessage> errors) {}

    /** A field error as the client reads it: the field's name (never translated) and the message. */
    public record FieldMessage(String field, String message) {}

    /**
     * The language of an {@code Accept-Language} header: the first language the product speaks among those asked, by
     * weight ({@code zh}, {@code zh-CN}, {@code zh-Hans} are Simplified Chinese); English when none or the header is
     * not readable.
     */
    public static Language language(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return Language.EN;
        }
        try {
            List<Locale> asked = Locale.LanguageRange.parse(acceptLanguage).stream()
                    .filter(range -> range.getWeight() > 0)
                    .map(range -> Locale.forLanguageTag(range.getRange()))
                    .toList();
            return Language.firstOf(asked).orElse(Language.EN);
        } catch (IllegalArgumentException unreadable) {
            return Language.EN;
        }
    }

    /** The language of a page's locale; English for any the product does not speak. */
    public static Language language(Locale locale) {
        return Language.of(locale).orElse(Language.EN);
    }

    public static Worded word(Problem problem, Language language) {
        return new Worded(
                title(problem.type(), language),
                detail(problem.reason(), language),
                problem.errors().stream()
                        .map(e -> new FieldMessage(e.field(), rule(e, language)))
                        .toList());
    }

    public static String title(String type, Language language) {
        return text("title." + type, language, List.of(), type);
    }

    public static String detail(Reason reason, Language language) {
        return text("detail." + reason.key(), language, reason.args(), reason.key());
    }

    /** The message of one field error, such as {@code must have at most 120 characters}. */
    public static String rule(FieldError error, Language language) {
        return rule(error.rule(), error.args(), language);
    }

    public static String rule(String rule, List<Object> args, Language language) {
        return text("rule." + rule, language, args, rule);
    }

    /** A field's name as a person reads it on a page ({@code label.<field>}): {@code finePrint} is "Fine print". */
    public static String label(String field, Language language) {
        String found = find("label." + field, language);
        if (found != null) {
            return found;
        }
        return field.isEmpty() ? field : Character.toUpperCase(field.charAt(0)) + field.substring(1);
    }

    /** A field error as one sentence on a page: "Fine print must have at most 4000 characters." */
    public static String sentence(String field, String message, Language language) {
        return text("sentence.field", language, List.of(label(field, language), message), "{0} {1}.");
    }

    /**
     * Why a mail was not sent, by its key ({@code mail-failure.<key>}, such as {@code unreachable}); a reason stored
     * before the keys (an English sentence) as it is; null for none.
     */
    public static String mailFailure(String reason, Language language) {
        return reason == null ? null : text("mail-failure." + reason, language, List.of(), reason);
    }

    /** Any other words of the bundle by their key, such as {@code sentence.plain-text}. */
    public static String words(String key, Language language, Object... args) {
        return text(key, language, List.of(args), key);
    }

    private static String text(String key, Language language, List<Object> args, String fallback) {
        String pattern = find(key, language);
        if (pattern == null) {
            pattern = find(key, Language.EN); // a missing translation shows English rather than failing the answer
        }
        if (pattern == null) {
            pattern = fallback;
        }
        return fill(pattern, args, language);
    }

    /** The pattern of a key in one language, or null. */
    static String find(String key, Language language) {
        try {
            ResourceBundle bundle = ResourceBundle.getBundle(
                    BUNDLE, language.locale(), ProblemWords.class.getClassLoader(), ONLY_PROPERTIES);
            return bundle.containsKey(key) ? bundle.getString(key) : null;
        } catch (MissingResourceException none) {
            return null;
        }
    }

    /** {@code {0}}, {@code {1}}, ... replaced by the values worded; no other syntax, so apostrophes stay as written. */
    private static String fill(String pattern, List<Object> args, Language language) {
        String out = pattern;
        for (int i = 0; i < args.size(); i++) {
            out = out.replace("{" + i + "}", value(args.get(i), language));
        }
        return out;
    }

    private static String value(Object value, Language language) {
        if (value instanceof ZonedDateTime moment) {
            return LocalFormats.dateTime(moment.toInstant(), moment.getZone(), language);
        }
        if (value instanceof LocalDate day) {
            return LocalFormats.date(day, language);
        }
        if (value instanceof Duration wait) {
            long seconds = wait.toSeconds();
            return seconds > 90
                    ? text("wait.minutes", language, List.of((seconds + 59) / 60), "{0} minutes")
                    : text("wait.seconds", language, List.of(seconds), "{0} seconds");
        }
        if (value instanceof List<?> items) {
            List<String> quoted = new ArrayList<>();
            for (Object item : items) {
                quoted.add(text("list.item", language, List.of(String.valueOf(item)), "\u201c{0}\u201d"));
            }
            return quoted.stream().collect(Collectors.joining(text("list.separator", language, List.of(), ", ")));
        }
        if (value instanceof Enum<?> constant) {
            String named =
                    find("value." + constant.getDeclaringClass().getSimpleName() + "." + constant.name(), language);
            return named == null ? constant.name() : named;
        }
        return String.valueOf(value);
    }
}
