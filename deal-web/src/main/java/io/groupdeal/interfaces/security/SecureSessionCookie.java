package io.groupdeal.interfaces.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The container's session cookie ({@code JSESSIONID}, the pages' view state) is {@code Secure} whenever the login
 * cookie is ({@link SessionCookie#secure}): on the instance's own TLS listener the container marks it itself, but
 * behind a proxy that terminates TLS and says so with {@code X-Forwarded-Proto: https} it would not. When such a request
 * starts a session (or renews its id), the {@code Set-Cookie} the container has just added is made {@code Secure},
 * before anything is sent: the container creates a session only while the answer is not yet committed.
 */
public class SecureSessionCookie extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private static final String SET_COOKIE = "Set-Cookie";

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!request.isSecure() && SessionCookie.secure(request)) {
            chain.doFilter(new BehindTlsProxy(request, response), response);
        } else {
            chain.doFilter(request, response);
        }
    }

    /** A request behind a TLS proxy: the session cookie it gets is Secure. */
    private static final class BehindTlsProxy extends HttpServletRequestWrapper {

        private final HttpServletResponse response;

        BehindTlsProxy(HttpServletRequest request, HttpServletResponse response) {
            super(request);
            this.response = response;
        }

        @Override
        public HttpSession getSession() {
            return getSession(true);
        }

        @Override
        public HttpSession getSession(boolean create) {
            HttpSession session = super.getSession(create);
            if (session != null && session.isNew()) {
                secureSessionCookie();
            }
            return session;
        }

        @Override
        public String changeSessionId() {
            String id = super.changeSessionId();
            secureSessionCookie();
            return id;
        }

        private void secureSessionCookie() {
            if (response.isCommitted()) {
                return;
            }
            String name = getServletContext().getSessionCookieConfig().getName();
            String session = name == null ? "JSESSIONID" : name;
            List<String> cookies = new ArrayList<>(response.getHeaders(SET_COOKIE));
            // The session's id, and with a distributable session its version (JSESSIONIDVERSION).
            List<String> secured = cookies.stream()
                    .map(c -> (c.startsWith(session + "=") || c.startsWith(session + "VERSION=")) && !hasSecure(c)
                            ? c + "; Secure"
                            : c)
                    .toList();
            if (secured.equals(cookies)) {
                return;
            }
            response.setHeader(SET_COOKIE, secured.get(0));
            secured.stream().skip(1).forEach(c -> response.addHeader(SET_COOKIE, c));
        }

        private static boolean hasSecure(String cookie) {
            for (String attribute : cookie.split(";")) {
                if (attribute.strip().toLowerCase(Locale.ROOT).equals("secure")) {
                    return true;
                }
            }
            return false;
        }
    }
}
