package io.groupdeal.infrastructure.health;

import io.groupdeal.infrastructure.database.DealDataSource;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready means the database answers within {@link #BOUND_MILLIS}. The check runs on a managed thread and the probe
 * waits for it only that long, so a frozen database makes readiness answer 503 in about two seconds instead of
 * hanging with the request (a frozen server still accepts TCP connections and then never answers). While a check is
 * still waiting on the database, the next probes wait on that same check rather than pile up new ones.
 */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {

    static final long BOUND_MILLIS = 2_000;

    @Resource(lookup = DealDataSource.JNDI_NAME)
    private DataSource dataSource;

    @Resource
    private ManagedExecutorService executor;

    private Future<Boolean> running;

    @Override
    public HealthCheckResponse call() {
        try {
            boolean up = check().get(BOUND_MILLIS, TimeUnit.MILLISECONDS);
            return HealthCheckResponse.named("database").status(up).build();
        } catch (TimeoutException e) {
            return HealthCheckResponse.named("database")
                    .down()
                    .withData("reason", "no answer within " + BOUND_MILLIS + " ms")
                    .build();
        } catch (ExecutionException | RuntimeException e) {
            return HealthCheckResponse.named("database").down().build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return HealthCheckResponse.named("database").down().build();
        }
    }

    /** The check under way, or a new one when none is. */
    private synchronized Future<Boolean> check() {
        if (running == null || running.isDone()) {
            running = executor.submit(this::ping);
        }
        return running;
    }

    private boolean ping() {
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid((int) (BOUND_MILLIS / 1000));
        } catch (SQLException e) {
            return false;
        }
    }
}
