package io.groupdeal.application.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.InternetAddress;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import org.junit.jupiter.api.Test;

class MailFailureTest {

    @Test
    void aRefusedConnectionIsNamedWithoutTheServersAddress() {
        String reason = MailFailure.reason(new MessagingException(
                "Couldn't connect to host, port: smtp.internal, 2525", new ConnectException("Connection refused")));
        assertEquals("unreachable", reason);
        assertFalse(reason.contains("smtp.internal"));
    }

    @Test
    void eachKnownCauseHasItsOwnKey() throws Exception {
        assertEquals(
                "timeout",
                MailFailure.reason(new MessagingException("x", new SocketTimeoutException("Read timed out"))));
        assertEquals(
                "unknown-host",
                MailFailure.reason(new MessagingException("x", new UnknownHostException("smtp.internal"))));
        assertEquals("login", MailFailure.reason(new AuthenticationFailedException("535 5.7.8 bad credentials")));
        assertEquals(
                "recipient-refused",
                MailFailure.reason(
                        new SendFailedException("550", null, new InternetAddress[0], null, new InternetAddress[] {
                            new InternetAddress("a@b.example")
                        })));
        assertEquals("other", MailFailure.reason(new IllegalStateException("at host 10.0.0.1")));
    }
}
