package io.groupdeal.application.mail;

import io.groupdeal.domain.shared.Language;

/**
 * The HTML every mail is written in, in one place: the page around its content, its one kind of button, and the escape
 * every value from a merchant or a buyer goes through.
 */
final class MailHtml {

    private MailHtml() {}

    /** The page of a mail in {@code language}: the GroupDeal header above a white card holding {@code content}. */
    static String page(Language language, String content) {
        return "<!doctype html><html lang=\"" + language.tag()
                + "\"><head><meta charset=\"utf-8\"></head><body style=\"margin:0;background:#f5f5f7;font-family:-apple-system,"
                + "Segoe UI,Roboto,Helvetica,Arial,sans-serif;color:#1f2330\"><div style=\"max-width:560px;margin:0 auto;"
                + "padding:24px\"><div style=\"font-weight:700;font-size:18px;margin-bottom:16px\">GroupDeal</div>"
                + "<div style=\"background:#fff;border-radius:12px;padding:24px\">" + content
                + "</div></div></body></html>";
    }

    /** A link drawn as a button, in a paragraph of its own. */
    static String button(String url, String label) {
        return "<p style=\"margin:18px 0\"><a href=\"" + escape(url)
                + "\" style=\"background:#4f46e5;color:#fff;padding:10px 16px;border-radius:8px;text-decoration:none\">"
                + escape(label) + "</a></p>";
    }

    static String escape(String value) {
        StringBuilder out = new StringBuilder(value.length());
        for (char c : value.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
