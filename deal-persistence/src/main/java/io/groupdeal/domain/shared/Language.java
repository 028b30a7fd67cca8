package io.groupdeal.domain.shared;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The languages a person can read the product in. Stored by name ({@code EN}, {@code ZH_CN}); spoken to browsers and
 * clients by its BCP 47 tag ({@code en}, {@code zh-CN}). Any Chinese a client asks for ({@code zh}, {@code zh-Hans},
 * {@code zh-CN}) is read as Simplified Chinese, the only Chinese the product is written in.
 */
public enum Language {
    EN(Locale.ENGLISH),
    ZH_CN(Locale.SIMPLIFIED_CHINESE);

    private final Locale locale;

    Language(Locale locale) {
        this.locale = locale;
    }

    public Locale locale() {
        return locale;
    }

    public String tag() {
        return locale.toLanguageTag();
    }

    /** The language of a locale a client named, if the product speaks it. */
    public static Optional<Language> of(Locale asked) {
        if (asked == null) {
            return Optional.empty();
        }
        return switch (asked.getLanguage()) {
            case "en" -> Optional.of(EN);
            case "zh" -> Optional.of(ZH_CN);
            default -> Optional.empty();
        };
    }

    /** The language of a tag ({@code en}, {@code zh-CN}, a name such as {@code ZH_CN}), if the product speaks it. */
    public static Optional<Language> ofTag(String tag) {
        if (tag == null || tag.isBlank()) {
            return Optional.empty();
        }
        for (Language language : values()) {
            if (language.name().equalsIgnoreCase(tag.strip())) {
                return Optional.of(language);
            }
        }
        return of(Locale.forLanguageTag(tag.strip().replace('_', '-')));
    }

    /** The first language the product speaks among those a client prefers, most preferred first. */
    public static Optional<Language> firstOf(List<Locale> preferred) {
        return preferred.stream().map(Language::of).flatMap(Optional::stream).findFirst();
    }
}
