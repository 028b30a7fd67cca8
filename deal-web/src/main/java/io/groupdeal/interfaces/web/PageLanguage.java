package io.groupdeal.interfaces.web;

import io.groupdeal.application.security.Caller;
import io.groupdeal.application.security.CallerAccount;
import io.groupdeal.domain.shared.Language;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.Collections;
import java.util.Locale;
import java.util.Optional;

/**
 * The language of the page being answered, one rule for every page: the signed-in account's chosen language, else the
 * {@code lang} cookie a visitor's switcher left, else the browser's {@code Accept-Language}, else English.
 */
@Named("pageLanguage")
@RequestScoped
public class PageLanguage {

    /** The cookie that remembers a visitor's choice (and a signed-in person's, for after they log out). */
    public static final String COOKIE = "lang";

    @Inject
    private Caller caller;

    @Inject
    private HttpServletRequest request;

    private Language language;

    public Language getLanguage() {
        if (language == null) {
            language = of(request, caller.account().flatMap(CallerAccount::chosenLanguage));
        }
        return language;
    }

    public Locale getLocale() {
        return getLanguage().locale();
    }

    /** The BCP 47 tag for {@code <html lang>}: {@code en} or {@code zh-CN}. */
    public String getTag() {
        return getLanguage().tag();
    }

    public boolean isChinese() {
        return getLanguage() == Language.ZH_CN;
    }

    /** Where the switcher returns to: this page's own address (on an error page, the address that failed). */
    public String getBack() {
        Object failed = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        Object forwarded = request.getAttribute(RequestDispatcher.FORWARD_REQUEST_URI);
        String uri =
                failed != null ? failed.toString() : forwarded != null ? forwarded.toString() : request.getRequestURI();
        Object forwardedQuery = request.getAttribute(RequestDispatcher.FORWARD_QUERY_STRING);
        String query = failed == null && forwarded != null
                ? (String) forwardedQuery
                : failed == null ? request.getQueryString() : null;
        return uri + (query == null || query.isEmpty() ? "" : "?" + query);
    }

    /** The rule, for answers written without Faces or CDI too (the database outage page). */
    public static Language of(HttpServletRequest request, Optional<Language> chosen) {
        return chosen.or(() -> cookie(request)).or(() -> browser(request)).orElse(Language.EN);
    }

    /** The browser's preference; without the header the container's default locale would answer, so none. */
    private static Optional<Language> browser(HttpServletRequest request) {
        return request.getHeader("Accept-Language") == null
                ? Optional.empty()
                : Language.firstOf(Collections.list(request.getLocales()));
    }

    private static Optional<Language> cookie(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return Optional.empty();
        }
        return Arrays.stream(cookies)
                .filter(c -> COOKIE.equals(c.getName()))
                .findFirst()
                .flatMap(c -> Language.ofTag(c.getValue()));
    }
}
