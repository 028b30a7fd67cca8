package io.groupdeal.domain.shared;

import org.eclipse.persistence.config.SessionCustomizer;
import org.eclipse.persistence.sessions.DatabaseLogin;
import org.eclipse.persistence.sessions.Session;

/**
 * EclipseLink does not retry a read that met a broken connection, nor ping the connection after an error. By default
 * it does both (three retries, five seconds apart, each waiting on the database again), which turned the data
 * source's few-second bound on a frozen database into half a minute per request. The pool already drops broken
 * connections, and the client gets a 503 with {@code Retry-After} and may send the request again.
 */
public class NoQueryRetry implements SessionCustomizer {

    @Override
    public void customize(Session session) {
        if (session.getDatasourceLogin() instanceof DatabaseLogin login) {
            login.setQueryRetryAttemptCount(0);
            login.setConnectionHealthValidatedOnError(false);
        }
    }
}
