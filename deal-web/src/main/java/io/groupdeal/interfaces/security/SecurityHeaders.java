package io.groupdeal.interfaces.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;

/**
 * The headers every answer carries: a Content-Security-Policy that allows only the application's own scripts, styles
 * and images (no inline script anywhere, so an injected script tag or handler does not run) and no framing, no
 * referrer to other sites, no content sniffing. Answers that show coupon codes (a code is the coupon) are never
 * stored by a browser or proxy cache.
 */
public class SecurityHeaders extends HttpFilter {

    private static final long serialVersionUID = 1L;

    /**
     * {@code img-src data:} for the icons that app.css draws as SVG data URLs; {@code form-action 'self'} keeps every
     * form posting here. Nothing else is loaded from anywhere but this origin (Chart.js is served from the WAR).
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
            + "form-action 'self'; frame-ancestors 'none'";

    /** Where coupon codes are shown: My coupons, the counter, and the API's coupon, order and counter answers. */
    private static final List<String> COUPON_PATHS =
            List.of("/account/", "/counter/", "/api/v1/coupons", "/api/v1/orders", "/api/v1/counter/");

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("X-Content-Type-Options", "nosniff");
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (COUPON_PATHS.stream().anyMatch(path::startsWith)) {
            response.setHeader("Cache-Control", "no-store");
        }
        chain.doFilter(request, response);
    }
}
