package io.groupdeal.interfaces.security;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.Optional;

/**
 * The pages carry the same bearer token as the API, in an HttpOnly, SameSite=Lax cookie: scripts cannot read it
 * and other sites cannot post with it. The API never accepts the cookie, only the Authorization header.
 */
public final class SessionCookie {

    public static final String NAME = "gd_session";

    private SessionCookie() {
    }

    public static Optional<String> token(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return Optional.empty();
        }
        return Arrays.stream(cookies).filter(c -> NAME.equals(c.getName())).map(Cookie::getValue).findFirst();
    }

    public static String path(HttpServletRequest request) {
        String context = request.getContextPath();
        return context.isEmpty() ? "/" : context;
    }
}
