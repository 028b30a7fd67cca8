package io.groupdeal.interfaces.web;

import io.groupdeal.application.account.AccountService;
import io.groupdeal.application.account.BuyerSignup;
import io.groupdeal.application.account.IssuedToken;
import io.groupdeal.application.account.MerchantSignup;
import io.groupdeal.interfaces.security.ClientAddress;
import io.groupdeal.interfaces.security.SessionCookie;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;

/**
 * Log in, sign up as a merchant, log out. A successful login puts the bearer token in the session cookie and goes
 * to where the person was headed (only ever a page of this application) or to the start page of their role.
 */
@Named("auth")
@RequestScoped
public class SessionPages {

    @Inject
    private FacesContext faces;

    @EJB
    private AccountService accounts;

    @Inject
    private ClientAddress clientAddress;

    private String email;
    private String password;
    private String businessName;
    private String name;
    private String next;

    public void logIn() {
        Messages.attempt(() -> enter(accounts.logIn(email, password, client())));
    }

    public void signUp() {
        Messages.attempt(() -> {
            accounts.signUpMerchant(new MerchantSignup(businessName, email, password), client());
            // A new business has nothing to show on the dashboard yet: it starts by adding its stores.
            next = faces.getExternalContext().getRequestContextPath() + "/merchant/stores.xhtml";
            enter(accounts.logIn(email, password, client()));
        });
    }

    /** A buyer's account; then logged in and back where the buyer came from (a deal's page) or at "My coupons". */
    public void joinAsBuyer() {
        Messages.attempt(() -> {
            accounts.signUpBuyer(new BuyerSignup(email, password, name), client());
            enter(accounts.logIn(email, password, client()));
        });
    }

    public void logOut() {
        ExternalContext external = faces.getExternalContext();
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        SessionCookie.token(request).ifPresent(accounts::logOut);
        writeCookie("", 0);
        // The view state of the pages (and anything else kept for this browser) goes with the login.
        external.invalidateSession();
        redirect(request.getContextPath() + "/login.xhtml");
    }

    private String client() {
        return clientAddress.of((HttpServletRequest) faces.getExternalContext().getRequest());
    }

    private void enter(IssuedToken token) {
        writeCookie(token.token(), (int)
                Duration.between(Instant.now(), token.expiresAt()).toSeconds());
        HttpServletRequest request =
                (HttpServletRequest) faces.getExternalContext().getRequest();
        String context = request.getContextPath();
        boolean safeNext = next != null
                && next.startsWith(context + "/")
                && !next.startsWith("//")
                && !next.contains("\\")
                && !next.contains("://");
        redirect(safeNext ? next : context + CurrentUser.landing(token.role()));
    }

    private void writeCookie(String value, int maxAge) {
        ExternalContext external = faces.getExternalContext();
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        ((HttpServletResponse) external.getResponse()).addCookie(SessionCookie.of(request, value, maxAge));
    }

    private void redirect(String url) {
        try {
            faces.getExternalContext().redirect(url);
            faces.responseComplete();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public String getBusinessName() {
        return businessName;
    }

    public void setBusinessName(String businessName) {
        this.businessName = businessName;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getNext() {
        return next;
    }

    public void setNext(String next) {
        this.next = next;
    }
}
