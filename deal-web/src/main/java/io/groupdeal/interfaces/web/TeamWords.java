package io.groupdeal.interfaces.web;

import jakarta.faces.context.FacesContext;

/** A word of the pages' bundle ({@code #{msg}}) for a bean's message, in the viewer's language. */
final class TeamWords {

    private TeamWords() {
    }

    static String of(String key) {
        FacesContext faces = FacesContext.getCurrentInstance();
        return faces.getApplication().getResourceBundle(faces, "msg").getString(key);
    }
}
