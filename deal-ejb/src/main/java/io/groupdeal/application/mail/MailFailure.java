package io.groupdeal.application.mail;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.AddressException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import javax.net.ssl.SSLException;

/**
 * Why a delivery attempt failed, as a key the interfaces word for the operator in the reader's language
 * ({@code mail-failure.<key>}: {@code unknown-host}, {@code unreachable}, {@code timeout}, {@code tls}, {@code login},
 * {@code bad-address}, {@code recipient-refused}, {@code refused}, {@code other}). The mail library's own message names
 * the mail server's host and port and sometimes more; that stays in the server log, next to the mail's id, and never
 * reaches the outbox row that the operator's view reads.
 */
final class MailFailure {

    private MailFailure() {}

    static String reason(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof UnknownHostException) {
                return "unknown-host";
            }
            if (cause instanceof ConnectException || cause instanceof NoRouteToHostException) {
                return "unreachable";
            }
            if (cause instanceof SocketTimeoutException) {
                return "timeout";
            }
            if (cause instanceof SSLException) {
                return "tls";
            }
            if (cause instanceof AuthenticationFailedException) {
                return "login";
            }
            if (cause instanceof AddressException) {
                return "bad-address";
            }
            if (cause instanceof SendFailedException sendFailed) {
                return sendFailed.getInvalidAddresses() != null && sendFailed.getInvalidAddresses().length > 0
                        ? "recipient-refused"
                        : "refused";
            }
        }
        return "other";
    }
}
