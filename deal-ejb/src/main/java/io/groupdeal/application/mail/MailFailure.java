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
 * Why a delivery attempt failed, in words the operator can act on and may see on the mails page. The mail library's
 * own message names the mail server's host and port and sometimes more; that stays in the server log, next to the
 * mail's id, and never reaches the outbox row that the operator's view reads.
 */
final class MailFailure {

    private MailFailure() {
    }

    static String reason(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof UnknownHostException) {
                return "The mail server's name is not known (DEAL_SMTP_HOST).";
            }
            if (cause instanceof ConnectException || cause instanceof NoRouteToHostException) {
                return "The mail server could not be reached.";
            }
            if (cause instanceof SocketTimeoutException) {
                return "The mail server did not answer in time.";
            }
            if (cause instanceof SSLException) {
                return "The secure connection to the mail server failed (STARTTLS).";
            }
            if (cause instanceof AuthenticationFailedException) {
                return "The mail server refused the login (DEAL_SMTP_USER, DEAL_SMTP_PASSWORD).";
            }
            if (cause instanceof AddressException) {
                return "The recipient's address is not a valid mail address.";
            }
            if (cause instanceof SendFailedException sendFailed) {
                return sendFailed.getInvalidAddresses() != null && sendFailed.getInvalidAddresses().length > 0
                        ? "The mail server refused the recipient's address."
                        : "The mail server refused the mail.";
            }
        }
        return "The mail was not sent; the server log has the details.";
    }
}
