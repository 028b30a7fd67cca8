package io.groupdeal.interfaces.web;

import io.groupdeal.application.account.AccountService;
import io.groupdeal.application.security.Caller;
import io.groupdeal.domain.shared.Language;
import io.groupdeal.interfaces.security.SessionCookie;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;

/**
 * The switcher of every page posts here: the choice is kept in the {@code lang} cookie (for everyone, so that it holds
 * after logging out too) and, for a signed-in person, as the account's language; then the same page again. A POST,
 * and the session cookie is SameSite=Lax, so another site cannot change an account's language.
 */
@WebServlet("/language")
public class LanguageSwitch extends HttpServlet {

    private static final int A_YEAR = (int) Duration.ofDays(365).toSeconds();

    @Inject
    private Caller caller;

    @EJB
    private AccountService accounts;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Language chosen = Language.ofTag(request.getParameter("to")).orElse(null);
        if (chosen != null) {
            Cookie cookie = new Cookie(PageLanguage.COOKIE, chosen.tag());
            cookie.setPath(SessionCookie.path(request));
            cookie.setMaxAge(A_YEAR);
            cookie.setHttpOnly(true);
            cookie.setSecure(SessionCookie.secure(request));
            cookie.setAttribute("SameSite", "Lax");
            response.addCookie(cookie);
            if (caller.account().isPresent()) {
                accounts.chooseLanguage(chosen);
            }
        }
        response.setHeader("Cache-Control", "no-store");
        response.sendRedirect(back(request));
    }

    /** Back to the page the switch was on: only a path of this application, never another site. */
    private static String back(HttpServletRequest request) {
        String back = request.getParameter("back");
        String root = request.getContextPath() + "/";
        if (back == null
                || !back.startsWith(root)
                || back.startsWith("//")
                || back.contains("\\")
                || back.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            return root;
        }
        return back;
    }
}
