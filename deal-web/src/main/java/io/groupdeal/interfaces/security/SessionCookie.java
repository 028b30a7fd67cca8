package io.groupdeal.interfaces.security;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.Optional;

/**
 * The pages carry the same bearer token as the API, in an HttpOnly, SameSite=Lax cookie: scripts cannot read it
 * and other sites cannot post with it. The API never accepts the cookie, only the Authorization header. The cookie is
 * Secure whenever the browser reached us over TLS, directly or through a TLS proxy that says so.
 */
public final class SessionCookie {

    public static final String NAME = "gd_session";

    private SessionCookie() {}

    public static Optional<String> token(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return Optional.empty();
        }
        return Arrays.stream(cookies)
                .filter(c -> NAME.equals(c.getName()))
                .map(Cookie::getValue)
                .findFirst();
    }

    /**
     * Whether the browser's connection is TLS: ours, or the proxy's as it reports in {@code X-Forwarded-Proto} (the
     * proxy must set it and overwrite a client's own, see config/README.md). Trusting the header is safe here: a client
     * that sends it itself only makes its own cookie stricter.
     */
    public static boolean secure(HttpServletRequest request) {
        if (request.isSecure()) {
            return true;
        }
        String proto = request.getHeader("X-Forwarded-Proto");
        // A chain of proxies lists one scheme each; the first is the browser's.
        return proto != null && proto.split(",", 2)[0].strip().equalsIgnoreCase("https");
    }

    /** A cookie with the token (or empty with max age 0 to remove it): HttpOnly, SameSite=Lax, Secure over TLS. */
    public static Cookie of(HttpServletRequest request, String value, int maxAge) {
        Cookie cookie = new Cookie(NAME, value);
        cookie.setHttpOnly(true);
        cookie.setSecure(secure(request));
        cookie.setPath(path(request));
        cookie.setMaxAge(maxAge);
        cookie.setAttribute("SameSite", "Lax");
        return cookie;
    }

    public static String path(HttpServletRequest request) {
        String context = request.getContextPath();
        return context.isEmpty() ? "/" : context;
    }
}
