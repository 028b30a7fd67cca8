package io.groupdeal.interfaces.web;

import io.groupdeal.domain.shared.Language;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.faces.context.FacesContext;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The pages' words for page beans (messages, navigation, labels): the same bundle as {@code #{msg}} in the page's
 * language. Arguments fill {@code {0}}, {@code {1}} as {@link MessageFormat} does.
 */
final class Words {

    static final String BUNDLE = "io.groupdeal.interfaces.web.messages";

    private Words() {}

    static String of(String key, Object... arguments) {
        return of(locale(), key, arguments);
    }

    static String of(Locale locale, String key, Object... arguments) {
        String pattern;
        try {
            pattern = ResourceBundle.getBundle(BUNDLE, locale).getString(key);
        } catch (MissingResourceException missing) {
            // A word nobody wrote yet shows its key rather than breaking the page; the bundle check in the build
            // keeps the two languages' keys equal.
            return key;
        }
        // The bundle writes apostrophes as they read ("don't"); MessageFormat would take one for a quote.
        return arguments.length == 0
                ? pattern
                : new MessageFormat(pattern.replace("'", "''"), locale).format(arguments);
    }

    /** The page's language, for amounts and dates a bean formats itself. */
    static Language language() {
        return Language.of(locale()).orElse(Language.EN);
    }

    /** The page's locale: the view's, or the visitor's chosen language outside a view. */
    static Locale locale() {
        FacesContext faces = FacesContext.getCurrentInstance();
        if (faces != null && faces.getViewRoot() != null) {
            return faces.getViewRoot().getLocale();
        }
        return CDI.current().select(PageLanguage.class).get().getLocale();
    }
}
