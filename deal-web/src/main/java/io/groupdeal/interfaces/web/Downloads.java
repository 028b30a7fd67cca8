package io.groupdeal.interfaces.web;

import io.groupdeal.interfaces.csv.Csv;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Answers a page action with a file instead of a page, such as a report's CSV. */
final class Downloads {

    private Downloads() {}

    static void csv(String filename, String content) {
        FacesContext faces = FacesContext.getCurrentInstance();
        ExternalContext external = faces.getExternalContext();
        external.responseReset();
        external.setResponseContentType(Csv.MEDIA_TYPE);
        external.setResponseHeader("Content-Disposition", Csv.attachment(filename));
        try {
            external.getResponseOutputStream().write(content.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        faces.responseComplete();
    }
}
