package io.groupdeal.interfaces.rest.photo;

import io.groupdeal.application.problem.InvalidInput;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one file of a {@code multipart/form-data} body (RFC 7578), read from memory: the part named by its
 * {@code Content-Disposition}, with its own {@code Content-Type}. The body was bounded before it was read
 * ({@code RequestLimits}), so holding it is bounded too.
 */
final class MultipartForm {

    /** A part's content and declared type (null when the part has none). */
    record Part(byte[] bytes, String contentType) {}

    private static final Pattern BOUNDARY = Pattern.compile("(?i);\\s*boundary=(\"([^\"]{1,70})\"|([^;\\s]{1,70}))");
    private static final Pattern NAME = Pattern.compile("(?i);\\s*name=\"([^\"]*)\"");

    private MultipartForm() {}

    static boolean isMultipart(String contentType) {
        return contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("multipart/form-data");
    }

    /** The part called {@code name}; 400 when the body is not such a form or has no such part. */
    static Part part(byte[] body, String contentType, String name) {
        Matcher boundary = BOUNDARY.matcher(contentType);
        if (!boundary.find()) {
            throw malformed(name);
        }
        byte[] delimiter = ("--" + (boundary.group(2) != null ? boundary.group(2) : boundary.group(3)))
                .getBytes(StandardCharsets.ISO_8859_1);
        int at = indexOf(body, delimiter, 0);
        while (at >= 0) {
            int headerStart = at + delimiter.length;
            if (headerStart + 2 <= body.length && body[headerStart] == '-' && body[headerStart + 1] == '-') {
                break; // the closing delimiter
            }
            headerStart = skipLineEnd(body, headerStart);
            int headerEnd = indexOf(body, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), headerStart);
            if (headerEnd < 0) {
                break;
            }
            int contentStart = headerEnd + 4;
            int next = indexOf(body, concat("\r\n".getBytes(StandardCharsets.ISO_8859_1), delimiter), contentStart);
            if (next < 0) {
                break;
            }
            String headers = new String(body, headerStart, headerEnd - headerStart, StandardCharsets.UTF_8);
            if (name.equals(header(headers, "content-disposition")
                    .flatMap(MultipartForm::nameOf)
                    .orElse(null))) {
                return new Part(
                        Arrays.copyOfRange(body, contentStart, next),
                        header(headers, "content-type").orElse(null));
            }
            at = next + 2;
        }
        throw malformed(name);
    }

    private static InvalidInput malformed(String name) {
        return new InvalidInput(name, "multipart-part", name);
    }

    private static Optional<String> header(String headers, String wanted) {
        for (String line : headers.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0
                    && line.substring(0, colon).strip().toLowerCase(Locale.ROOT).equals(wanted)) {
                return Optional.of(line.substring(colon + 1).strip());
            }
        }
        return Optional.empty();
    }

    private static Optional<String> nameOf(String disposition) {
        Matcher name = NAME.matcher(disposition);
        return name.find() ? Optional.of(name.group(1)) : Optional.empty();
    }

    private static int skipLineEnd(byte[] body, int at) {
        while (at < body.length && (body[at] == ' ' || body[at] == '\t')) {
            at++;
        }
        if (at + 1 < body.length && body[at] == '\r' && body[at + 1] == '\n') {
            return at + 2;
        }
        return at;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }

    /** The first index of {@code needle} in {@code haystack} at or after {@code from}, or -1. */
    static int indexOf(byte[] haystack, byte[] needle, int from) {
        outer:
        for (int i = Math.max(0, from); i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
