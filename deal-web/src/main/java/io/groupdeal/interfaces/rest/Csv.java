package io.groupdeal.interfaces.rest;

/** Fields of the CSV reports. */
public final class Csv {

    private Csv() {
    }

    /** A text field in quotes; a leading formula character is defused for spreadsheets. */
    public static String text(String text) {
        String safe = text != null && !text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0 ? "'" + text : String.valueOf(text);
        return '"' + safe.replace("\"", "\"\"") + '"';
    }
}
