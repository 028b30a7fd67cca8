package io.groupdeal.interfaces.security;

import io.groupdeal.application.security.Caller;
import io.groupdeal.application.security.CallerAccount;
import io.groupdeal.application.security.TokenAuthentication;
import io.groupdeal.interfaces.problem.DatabaseUnavailable;
import io.groupdeal.interfaces.problem.ProblemWriter;
import io.groupdeal.interfaces.web.DatabaseOutageFilter;
import jakarta.security.auth.message.AuthException;
import jakarta.security.auth.message.AuthStatus;
import jakarta.security.auth.message.MessageInfo;
import jakarta.security.auth.message.MessagePolicy;
import jakarta.security.auth.message.callback.CallerPrincipalCallback;
import jakarta.security.auth.message.callback.GroupPrincipalCallback;
import jakarta.security.auth.message.module.ServerAuthModule;
import jakarta.security.enterprise.CallerPrincipal;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.Map;
import java.util.Optional;
import javax.security.auth.Subject;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.CallbackHandler;
import javax.security.auth.callback.UnsupportedCallbackException;

/**
 * Authenticates every request from a bearer token: the API reads it from {@code Authorization: Bearer}, the pages
 * from the session cookie. One statement reads the token with its account and tenant ({@link TokenAuthentication}),
 * and the account is remembered for the rest of the request ({@link Caller}); the caller principal is the account id
 * and its one group is the account's role. Nothing is kept in the HTTP session, so any instance of a cluster can
 * serve any request. A protected page without a valid session goes to the login page; an API call with a bad token
 * gets 401.
 *
 * <p>A Jakarta Authentication module of its own, registered for the application by {@link TokenAuthRegistration},
 * rather than a Jakarta Security {@code HttpAuthenticationMechanism}: Payara's bridge to those looks the mechanism up
 * in CDI (with a JNDI look-up of the bean manager) twice per request, which was a fifth of the CPU of a redemption at
 * the counter (bench/README.md). The two beans it uses are proxies, resolved once here.
 */
public final class TokenAuthModule implements ServerAuthModule {

    private static final String BEARER = "Bearer ";
    /** Set by the container to "true" when the requested page has a security constraint (Servlet profile). */
    private static final String MANDATORY = "jakarta.security.auth.message.MessagePolicy.isMandatory";

    private final TokenAuthentication authentication;
    private final Caller caller;
    private CallbackHandler container;

    TokenAuthModule(TokenAuthentication authentication, Caller caller) {
        this.authentication = authentication;
        this.caller = caller;
    }

    @Override
    public void initialize(
            MessagePolicy requestPolicy,
            MessagePolicy responsePolicy,
            CallbackHandler handler,
            @SuppressWarnings("rawtypes") Map options) {
        this.container = handler;
    }

    @Override
    public Class<?>[] getSupportedMessageTypes() {
        return new Class<?>[] {HttpServletRequest.class, HttpServletResponse.class};
    }

    @Override
    public AuthStatus validateRequest(MessageInfo message, Subject client, Subject service) throws AuthException {
        HttpServletRequest request = (HttpServletRequest) message.getRequestMessage();
        HttpServletResponse response = (HttpServletResponse) message.getResponseMessage();
        boolean api = request.getRequestURI().startsWith(request.getContextPath() + "/api/");
        try {
            return api ? api(request, response, client) : page(message, request, response, client);
        } catch (RuntimeException failure) {
            // The tokens live in the database: when it is down, say so (503), not "bad token" and not a 500.
            if (!DatabaseUnavailable.explains(failure)) {
                throw failure;
            }
            try {
                DatabaseOutageFilter.answer(request, response);
            } catch (IOException e) {
                throw (AuthException) new AuthException("The answer could not be written").initCause(e);
            }
            return AuthStatus.SEND_FAILURE;
        }
    }

    private AuthStatus api(HttpServletRequest request, HttpServletResponse response, Subject client)
            throws AuthException {
        String header = request.getHeader("Authorization");
        if (header == null) {
            return anonymous(client);
        }
        if (header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            Optional<CallerAccount> account = authentication.authenticate(
                    header.substring(BEARER.length()).strip());
            if (account.isPresent()) {
                return loggedIn(client, account.get());
            }
        }
        ProblemWriter.write(request, response, 401, "invalid-token");
        return AuthStatus.SEND_FAILURE;
    }

    private AuthStatus page(
            MessageInfo message, HttpServletRequest request, HttpServletResponse response, Subject client)
            throws AuthException {
        if (request.getRequestURI().contains("/jakarta.faces.resource/")) {
            return anonymous(client);
        }
        Optional<String> cookie = SessionCookie.token(request);
        if (cookie.isPresent()) {
            Optional<CallerAccount> account = authentication.authenticate(cookie.get());
            if (account.isPresent()) {
                return loggedIn(client, account.get());
            }
            response.addCookie(SessionCookie.of(request, "", 0));
        }
        if (Boolean.parseBoolean(String.valueOf(message.getMap().get(MANDATORY)))) {
            String target =
                    request.getRequestURI() + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
            response.setStatus(HttpServletResponse.SC_FOUND);
            response.setHeader(
                    "Location",
                    request.getContextPath() + "/login.xhtml?next="
                            + URLEncoder.encode(target, StandardCharsets.UTF_8));
            return AuthStatus.SEND_CONTINUE;
        }
        return anonymous(client);
    }

    private AuthStatus loggedIn(Subject client, CallerAccount account) throws AuthException {
        caller.authenticated(account);
        tell(
                new CallerPrincipalCallback(client, new CallerPrincipal(account.accountId())),
                new GroupPrincipalCallback(client, new String[] {account.role().name()}));
        return AuthStatus.SUCCESS;
    }

    /** No caller: the request goes on unauthenticated (the boundaries refuse what needs a role). */
    private AuthStatus anonymous(Subject client) throws AuthException {
        tell(new CallerPrincipalCallback(client, (Principal) null));
        return AuthStatus.SUCCESS;
    }

    private void tell(Callback... callbacks) throws AuthException {
        try {
            container.handle(callbacks);
        } catch (IOException | UnsupportedCallbackException e) {
            throw (AuthException) new AuthException("The container refused the caller").initCause(e);
        }
    }

    @Override
    public AuthStatus secureResponse(MessageInfo message, Subject service) {
        return AuthStatus.SEND_SUCCESS;
    }

    @Override
    public void cleanSubject(MessageInfo message, Subject subject) {
        if (subject != null) {
            subject.getPrincipals().clear();
        }
    }
}
