package io.groupdeal.interfaces.security;

import io.groupdeal.interfaces.problem.DatabaseUnavailable;
import io.groupdeal.interfaces.problem.ProblemWriter;
import io.groupdeal.interfaces.web.DatabaseOutageFilter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Authenticates every request from a bearer token: the API reads it from {@code Authorization: Bearer}, the pages
 * from the session cookie. Nothing is kept in the HTTP session, so any instance of a cluster can serve any request.
 * A protected page without a valid session goes to the login page; an API call with a bad token gets 401.
 */
@ApplicationScoped
public class TokenAuthenticationMechanism implements HttpAuthenticationMechanism {

    private static final String BEARER = "Bearer ";

    @Inject
    private IdentityStoreHandler identityStores;

    @Override
    public AuthenticationStatus validateRequest(
            HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        boolean api = request.getRequestURI().startsWith(request.getContextPath() + "/api/");
        try {
            return api ? api(request, response, context) : page(request, response, context);
        } catch (RuntimeException failure) {
            // The tokens live in the database: when it is down, say so (503), not "bad token" and not a 500.
            if (!DatabaseUnavailable.explains(failure)) {
                throw failure;
            }
            try {
                DatabaseOutageFilter.answer(request, response);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return AuthenticationStatus.SEND_FAILURE;
        }
    }

    private AuthenticationStatus api(
            HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        String header = request.getHeader("Authorization");
        if (header == null) {
            return context.doNothing();
        }
        if (header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            CredentialValidationResult result = identityStores.validate(
                    new TokenCredential(header.substring(BEARER.length()).strip()));
            if (result.getStatus() == CredentialValidationResult.Status.VALID) {
                return context.notifyContainerAboutLogin(result);
            }
        }
        ProblemWriter.write(request, response, 401, "invalid-token");
        return AuthenticationStatus.SEND_FAILURE;
    }

    private AuthenticationStatus page(
            HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        if (request.getRequestURI().contains("/jakarta.faces.resource/")) {
            return context.doNothing();
        }
        Optional<String> cookie = SessionCookie.token(request);
        if (cookie.isPresent()) {
            CredentialValidationResult result = identityStores.validate(new TokenCredential(cookie.get()));
            if (result.getStatus() == CredentialValidationResult.Status.VALID) {
                return context.notifyContainerAboutLogin(result);
            }
            response.addCookie(SessionCookie.of(request, "", 0));
        }
        if (context.isProtected()) {
            String target =
                    request.getRequestURI() + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
            return context.redirect(request.getContextPath() + "/login.xhtml?next="
                    + URLEncoder.encode(target, StandardCharsets.UTF_8));
        }
        return context.doNothing();
    }
}
