package io.groupdeal.domain.shared;

/**
 * Which characters text that people type may hold: no C0 or C1 control character (a NUL, a bell, an escape), no DEL
 * and no half of a surrogate pair. Multi-line text (a description, fine print, a review) may also hold line breaks and
 * tabs; everything else (names, titles, addresses, emails, codes) is one line. Control characters are never meant,
 * break the mails, CSV files and pages that show the text, and a NUL cuts the text short in some tools.
 */
public final class PlainText {

    private PlainText() {}

    /** Whether the text is one line of plain characters. */
    public static boolean isSingleLine(CharSequence text) {
        return isPlain(text, false);
    }

    /** Whether the text is plain characters in lines, with tabs allowed. */
    public static boolean isMultiLine(CharSequence text) {
        return isPlain(text, true);
    }

    /** The rule a text field that breaks it is told about (worded by the interfaces). */
    public static String rule(boolean multiLine) {
        return multiLine ? "plain-text.multi-line" : "plain-text.single-line";
    }

    private static boolean isPlain(CharSequence text, boolean lines) {
        if (text == null) {
            return true;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (lines && (c == '\n' || c == '\r' || c == '\t')) {
                continue;
            }
            if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == '\u2028' || c == '\u2029') {
                return false;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 == text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }
}
