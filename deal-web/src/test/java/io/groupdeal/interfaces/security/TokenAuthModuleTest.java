package io.groupdeal.interfaces.security;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.groupdeal.application.security.Caller;
import io.groupdeal.application.security.CallerAccount;
import io.groupdeal.application.security.TokenAuthentication;
import io.groupdeal.domain.account.Role;
import jakarta.security.auth.message.AuthStatus;
import jakarta.security.auth.message.MessageInfo;
import jakarta.security.auth.message.callback.CallerPrincipalCallback;
import jakarta.security.auth.message.callback.GroupPrincipalCallback;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.security.auth.Subject;
import javax.security.auth.callback.Callback;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the authentication module tells the container for each kind of request, and what it answers itself. */
class TokenAuthModuleTest {

    private static final CallerAccount STAFF =
            new CallerAccount("staff-1", "mia@shop.example", "Mia", Role.STAFF, "tenant-1", "Shop", 10, null);

    private final TokenAuthentication authentication = mock(TokenAuthentication.class);
    private final Caller caller = mock(Caller.class);
    private final List<Callback> told = new ArrayList<>();
    private final HttpServletRequest request = mock(HttpServletRequest.class);
    private final HttpServletResponse response = mock(HttpServletResponse.class);
    private final StringWriter body = new StringWriter();
    private final Map<String, Object> messageMap = new HashMap<>();
    private final Subject client = new Subject();
    private TokenAuthModule module;
    private MessageInfo message;

    @BeforeEach
    void setUp() throws Exception {
        module = new TokenAuthModule(authentication, caller);
        module.initialize(null, null, callbacks -> told.addAll(List.of(callbacks)), Map.of());
        message = mock(MessageInfo.class);
        when(message.getRequestMessage()).thenReturn(request);
        when(message.getResponseMessage()).thenReturn(response);
        when(message.getMap()).thenReturn(messageMap);
        when(request.getContextPath()).thenReturn("");
        when(response.getWriter()).thenReturn(new PrintWriter(body));
        when(authentication.authenticate(any())).thenReturn(Optional.empty());
        when(authentication.authenticate("good-token")).thenReturn(Optional.of(STAFF));
    }

    @Test
    void aValidBearerTokenMakesItsAccountTheCallerWithItsRoleAsItsGroup() throws Exception {
        api("Bearer good-token");

        assertEquals(AuthStatus.SUCCESS, module.validateRequest(message, client, null));

        verify(caller).authenticated(STAFF);
        assertEquals(
                "staff-1",
                ((CallerPrincipalCallback) told.get(0)).getPrincipal().getName());
        assertArrayEquals(new String[] {"STAFF"}, ((GroupPrincipalCallback) told.get(1)).getGroups());
    }

    @Test
    void theSchemeIsReadWithoutRegardToCaseAndTheTokenWithoutSurroundingSpaces() throws Exception {
        api("bearer   good-token ");

        assertEquals(AuthStatus.SUCCESS, module.validateRequest(message, client, null));
        verify(caller).authenticated(STAFF);
    }

    @Test
    void anUnknownTokenOrAnotherSchemeIsAnswered401InvalidToken() throws Exception {
        for (String header : new String[] {"Bearer revoked-token", "Basic bWlhOnB3"}) {
            told.clear();
            api(header);

            assertEquals(AuthStatus.SEND_FAILURE, module.validateRequest(message, client, null), header);
            assertTrue(told.isEmpty(), header);
        }
        verify(response, org.mockito.Mockito.times(2)).setStatus(401);
        assertTrue(body.toString().contains("invalid-token"), body::toString);
        verify(caller, never()).authenticated(any());
    }

    @Test
    void anApiCallWithoutTokenGoesOnWithoutCaller() throws Exception {
        api(null);

        assertEquals(AuthStatus.SUCCESS, module.validateRequest(message, client, null));
        assertNull(((CallerPrincipalCallback) told.get(0)).getPrincipal());
    }

    @Test
    void aProtectedPageWithoutValidSessionGoesToTheLoginPageAndKeepsWhereItWasGoing() throws Exception {
        when(request.getRequestURI()).thenReturn("/merchant/deals.xhtml");
        when(request.getQueryString()).thenReturn("page=2");
        when(request.getCookies()).thenReturn(new Cookie[] {new Cookie(SessionCookie.NAME, "revoked-token")});
        messageMap.put("jakarta.security.auth.message.MessagePolicy.isMandatory", "true");

        assertEquals(AuthStatus.SEND_CONTINUE, module.validateRequest(message, client, null));

        verify(response).setStatus(302);
        verify(response).setHeader("Location", "/login.xhtml?next=%2Fmerchant%2Fdeals.xhtml%3Fpage%3D2");
        verify(response).addCookie(any(Cookie.class)); // the stale cookie removed
    }

    @Test
    void aPageWithAValidSessionCookieLogsTheCallerIn() throws Exception {
        when(request.getRequestURI()).thenReturn("/counter/index.xhtml");
        when(request.getCookies()).thenReturn(new Cookie[] {new Cookie(SessionCookie.NAME, "good-token")});
        messageMap.put("jakarta.security.auth.message.MessagePolicy.isMandatory", "true");

        assertEquals(AuthStatus.SUCCESS, module.validateRequest(message, client, null));
        verify(caller).authenticated(STAFF);
    }

    @Test
    void anOpenPageWithoutSessionIsServedWithoutCaller() throws Exception {
        when(request.getRequestURI()).thenReturn("/deals.xhtml");

        assertEquals(AuthStatus.SUCCESS, module.validateRequest(message, client, null));
        assertNull(((CallerPrincipalCallback) told.get(0)).getPrincipal());
        verify(authentication, never()).authenticate(any());
    }

    @Test
    void whenTheDatabaseIsDownTheAnswerIs503NotABadToken() throws Exception {
        api("Bearer good-token");
        when(authentication.authenticate("good-token"))
                .thenThrow(new IllegalStateException(new SQLTransientConnectionException("frozen", "08S01")));

        assertEquals(AuthStatus.SEND_FAILURE, module.validateRequest(message, client, null));

        verify(response).setStatus(503);
        assertTrue(body.toString().contains("database-unavailable"), body::toString);
    }

    private void api(String authorization) {
        when(request.getRequestURI()).thenReturn("/api/v1/counter/redemptions");
        when(request.getHeader("Authorization")).thenReturn(authorization);
    }
}
