package io.groupdeal.interfaces.csv;

import io.groupdeal.domain.shared.Language;
import java.util.List;
import java.util.ResourceBundle;
import java.util.stream.Collectors;

/**
 * Fields of the CSV reports. The header is in the reader's language (the bundle {@code csv}: English keeps the columns'
 * machine names, Simplified Chinese has words); the values are the same in every language: plain decimals, ISO days
 * and ids.
 */
public final class Csv {

    private static final String BUNDLE = "io.groupdeal.interfaces.csv.csv";
    private static final ResourceBundle.Control ONLY_PROPERTIES =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    /** The media type of every CSV file the product sends: UTF-8 text. */
    public static final String MEDIA_TYPE = "text/csv; charset=UTF-8";

    private Csv() {}

    /**
     * The {@code Content-Disposition} that saves a file as {@code filename}; a character a file name should not carry
     * (a quote, a slash, a space) becomes "_".
     */
    public static String attachment(String filename) {
        return "attachment; filename=\"" + filename.replaceAll("[^A-Za-z0-9.-]", "_") + "\"";
    }

    /** The header line of {@code columns} (machine names) in {@code language}, with its line break. */
    public static String header(List<String> columns, Language language) {
        ResourceBundle words =
                ResourceBundle.getBundle(BUNDLE, language.locale(), Csv.class.getClassLoader(), ONLY_PROPERTIES);
        return columns.stream()
                        .map(c -> words.containsKey(c) ? words.getString(c) : c)
                        .collect(Collectors.joining(",")) + "\r\n";
    }

    /** A text field in quotes; a leading formula character is defused for spreadsheets. */
    public static String text(String text) {
        String safe = text != null && !text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0
                ? "'" + text
                : String.valueOf(text);
        return '"' + safe.replace("\"", "\"\"") + '"';
    }
}
