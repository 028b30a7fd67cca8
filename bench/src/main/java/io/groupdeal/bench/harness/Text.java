package io.groupdeal.bench.harness;

/** Small text helpers of the reports. */
public final class Text {

    private Text() {}

    /** At most 300 characters of the text (an answer in an error message). */
    public static String abbreviate(String text) {
        return text == null ? "" : text.length() <= 300 ? text : text.substring(0, 300) + "...";
    }

    /** Nanoseconds as milliseconds. */
    public static double ms(long nanos) {
        return nanos / 1e6;
    }
}
