package io.groupdeal.application.mail;

import io.groupdeal.domain.shared.Language;
import java.util.List;
import java.util.ResourceBundle;

/**
 * The words of the mails in one language, from the bundle {@code mails} of this package (English in
 * {@code mails.properties}, Simplified Chinese in {@code mails_zh_CN.properties}). {@code {0}}, {@code {1}} are
 * replaced by the values as given (already formatted for the language); nothing else in the text is syntax.
 */
final class MailWords {

    static final String BUNDLE = "io.groupdeal.application.mail.mails";

    private static final ResourceBundle.Control ONLY_PROPERTIES =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private final ResourceBundle bundle;

    private MailWords(ResourceBundle bundle) {
        this.bundle = bundle;
    }

    static MailWords of(Language language) {
        return new MailWords(
                ResourceBundle.getBundle(BUNDLE, language.locale(), MailWords.class.getClassLoader(), ONLY_PROPERTIES));
    }

    String words(String key, Object... values) {
        String text = bundle.getString(key);
        List<Object> args = List.of(values);
        for (int i = 0; i < args.size(); i++) {
            text = text.replace("{" + i + "}", String.valueOf(args.get(i)));
        }
        return text;
    }
}
