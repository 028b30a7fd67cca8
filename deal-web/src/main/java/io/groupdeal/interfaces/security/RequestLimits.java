package io.groupdeal.interfaces.security;

import io.groupdeal.application.photo.PhotoImages;
import io.groupdeal.interfaces.problem.ProblemWriter;
import io.groupdeal.interfaces.rest.photo.PhotoResource;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * The first look at every request, before anything reads it: a request target over {@link #MAX_TARGET} characters is
 * refused with 414, a body over the limit of its path with 413, a URI with a malformed percent escape or an escaped
 * dot segment with 400, all as problem+json. A photo upload may carry 8 MB (and a form's overhead); a larger one is
 * 413 {@code photo-too-large}. The HTTP listener's own body limit is off
 * ({@code max-post-size-bytes=-1} in {@code config/payara/pre-boot-commands.asadmin}) because it answered with an HTML
 * page naming the server; this filter is the limit now.
 *
 * <p>A body announced by {@code Content-Length} is refused unread; the listener then skips the rest of it and closes
 * the connection after the answer ({@code Connection: close}), so the client reads the whole problem first. A chunked
 * body is read up to the limit and handed on from memory.
 */
public class RequestLimits extends HttpFilter {

    private static final long serialVersionUID = 1L;

    /** Where {@link MalformedPathProbe} sends a request whose path the container could not decode (in the context). */
    static final String MALFORMED_PATH = "/_edge/malformed-uri";

    /**
     * The longest request target (path and query) taken: the longest of the product's is a few hundred characters.
     * Over HTTP/2 the listener takes heads of up to 64 KiB ({@code http2-max-header-list-size-in-bytes} in
     * {@code config/payara/pre-boot-commands.asadmin}), so a longer target reaches this filter and gets a 414 problem
     * on a connection that goes on. (Over HTTP/1.1 the listener itself closes the connection on a request line of
     * 7,000 characters without an answer.)
     */
    static final int MAX_TARGET = 6144;

    /** Every body the API and the pages take is a few kilobytes; 1 MiB leaves room and bounds what one request costs. */
    static final int DEFAULT_BODY_LIMIT = 1024 * 1024;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (targetLength(request) > MAX_TARGET) {
            ProblemWriter.write(request, response, 414, "uri-too-long", MAX_TARGET);
            return;
        }
        if (request.getRequestURI().equals(request.getContextPath() + MALFORMED_PATH)
                || !acceptablePath(request.getRequestURI())
                || !wellEscaped(request.getQueryString())) {
            ProblemWriter.write(request, response, 400, "malformed-uri");
            return;
        }
        int limit = bodyLimit(request);
        long announced = request.getContentLengthLong();
        if (announced > limit) {
            tooLarge(request, response, limit);
            return;
        }
        if (announced < 0 && request.getHeader("Transfer-Encoding") != null) {
            byte[] body = request.getInputStream().readNBytes(limit + 1);
            if (body.length > limit) {
                tooLarge(request, response, limit);
                return;
            }
            chain.doFilter(new ReadBody(request, body), response);
            return;
        }
        chain.doFilter(request, response);
    }

    /**
     * A photo upload, {@code POST /api/v1/deals/{id}/photos} or the deal editor's {@code POST /merchant/photos/{id}}:
     * the only routes that take more than a few kilobytes.
     */
    private static final Pattern PHOTO_UPLOAD = Pattern.compile("/api/v1/deals/[^/]+/photos/?|/merchant/photos/[^/]+");

    /** A photo of at most 8 MB, with room for a multipart form's boundaries and part headers around it. */
    static final int PHOTO_BODY_LIMIT = PhotoImages.MAX_BYTES + PhotoResource.MULTIPART_OVERHEAD;

    /** The largest body a request to this path may carry: a photo upload's, or the default for all others. */
    static int bodyLimit(HttpServletRequest request) {
        return isPhotoUpload(request) ? PHOTO_BODY_LIMIT : DEFAULT_BODY_LIMIT;
    }

    private static boolean isPhotoUpload(HttpServletRequest request) {
        return "POST".equals(request.getMethod())
                && PHOTO_UPLOAD
                        .matcher(request.getRequestURI()
                                .substring(request.getContextPath().length()))
                        .matches();
    }

    private static void tooLarge(HttpServletRequest request, HttpServletResponse response, int limit) {
        // The unread rest of the body makes the connection useless for a next request: say so before the listener does.
        response.setHeader("Connection", "close");
        if (isPhotoUpload(request)) {
            ProblemWriter.write(request, response, PhotoImages.tooLarge());
            return;
        }
        ProblemWriter.write(request, response, 413, "body-too-large", limit);
    }

    private static int targetLength(HttpServletRequest request) {
        String query = request.getQueryString();
        return request.getRequestURI().length() + (query == null ? 0 : query.length() + 1);
    }

    /**
     * Whether a raw path is well escaped, names no control character ({@code %00} to {@code %1F}, {@code %7F}) and
     * hides no dot segment behind escapes ({@code %2F..}, {@code %2E%2E}, {@code ..%5C}): the container refuses the
     * first with an empty 400 of its own and the last with a 403 page, and no path of the product ever holds one.
     */
    static boolean acceptablePath(String raw) {
        if (!wellEscaped(raw)) {
            return false;
        }
        for (int i = raw.indexOf('%'); i >= 0; i = raw.indexOf('%', i + 3)) {
            int escaped = Integer.parseInt(raw.substring(i + 1, i + 3), 16);
            if (escaped < 0x20 || escaped == 0x7f) {
                return false;
            }
        }
        return !escapedDotSegment(raw);
    }

    /** A segment {@code .} or {@code ..} once the escapes are decoded, where an escape made it one. */
    private static boolean escapedDotSegment(String raw) {
        if (raw.indexOf('%') < 0) {
            return false;
        }
        for (String segment : decode(raw).split("[/\\\\]", -1)) {
            if (segment.equals(".") || segment.equals("..")) {
                return true;
            }
        }
        return false;
    }

    /** The escapes of a well-escaped raw path decoded as UTF-8 ({@code +} stays a plus in a path). */
    private static String decode(String raw) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                bytes.write(Integer.parseInt(raw.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /** Whether every % is followed by two hex digits and the escapes decode as UTF-8; null (no query) is fine. */
    static boolean wellEscaped(String raw) {
        if (raw == null || raw.indexOf('%') < 0) {
            return true;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c != '%') {
                // Raw non-ASCII is the listener's business; only the escapes are checked here.
                bytes.write(c > 0x7f ? '?' : c);
                continue;
            }
            if (i + 2 >= raw.length()) {
                return false;
            }
            int high = Character.digit(raw.charAt(i + 1), 16);
            int low = Character.digit(raw.charAt(i + 2), 16);
            if (high < 0 || low < 0) {
                return false;
            }
            bytes.write(high * 16 + low);
            i += 2;
        }
        try {
            StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray()));
            return true;
        } catch (CharacterCodingException malformed) {
            return false;
        }
    }

    /** A request whose chunked body was already read (within the limit): the application reads it from memory. */
    private static final class ReadBody extends HttpServletRequestWrapper {

        private final byte[] body;

        ReadBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() throws IOException {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new IllegalStateException("The body was already read; read it blocking.");
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            String encoding = getCharacterEncoding();
            return new BufferedReader(new InputStreamReader(
                    new ByteArrayInputStream(body),
                    encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding)));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
