package io.groupdeal.interfaces.web;

import jakarta.faces.context.FacesContext;
import java.text.MessageFormat;

/**
 * The moderation pages' words said by their beans (flash messages), from the pages' bundle ({@code #{msg}}, section
 * "moderation") in the view's language, so that a bean never carries words of its own.
 */
final class ModerationWords {

    private ModerationWords() {
    }

    static String text(String key, Object... arguments) {
        FacesContext faces = FacesContext.getCurrentInstance();
        String pattern = faces.getApplication().getResourceBundle(faces, "msg").getString(key);
        return arguments.length == 0 ? pattern : new MessageFormat(pattern, faces.getViewRoot().getLocale()).format(arguments);
    }
}
