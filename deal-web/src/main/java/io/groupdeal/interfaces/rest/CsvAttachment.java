package io.groupdeal.interfaces.rest;

import io.groupdeal.interfaces.csv.Csv;
import jakarta.ws.rs.core.Response;

/** A report answered as a CSV file the client saves ({@link Csv#MEDIA_TYPE}, {@link Csv#attachment}). */
public final class CsvAttachment {

    private CsvAttachment() {}

    /** 200 with {@code body} (the text, or a stream of it) saved as {@code filename}. */
    public static Response of(Object body, String filename) {
        return Response.ok(body, Csv.MEDIA_TYPE)
                .header("Content-Disposition", Csv.attachment(filename))
                .build();
    }
}
