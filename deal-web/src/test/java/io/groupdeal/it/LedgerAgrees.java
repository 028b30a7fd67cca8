package io.groupdeal.it;

import io.groupdeal.devserver.ItDatabase;
import io.groupdeal.devserver.ItServer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * After every money IT class, the ledger must agree with the orders: {@code @ExtendWith(LedgerAgrees.class)} on the
 * class. Before the class it notes the deals that exist; after it (the run's server still runs: every class shares
 * it, and it stops after the last) it waits, at most {@link #SETTLE}, until no order of the class's new deals is
 * RESERVED and no payment task is left (the reconciler and the task job run every few seconds on the IT server), then
 * runs {@link LedgerCheck} on those deals and fails the class with every disagreement. Only the class's own deals: the
 * IT database is kept between runs and shared by every class, and other classes run alongside this one (see deal-web's
 * POM), so the class's new deals are those of the tenants it signed up ({@link TenantsMade}) that were not there before.
 *
 * <p>A class whose tests passed but signed no merchant up fails: with no tenant there is nothing to check, and the
 * check would pass whatever the ledger says. Its merchants must sign up through the test's {@code http} (that of
 * {@link DeployedApp}), which notes their tenants. A class none of whose tests passed (failed, aborted, disabled) has
 * said what went wrong already; its ledger is checked only as far as it made tenants.
 */
public final class LedgerAgrees implements BeforeAllCallback, TestWatcher, AfterAllCallback {

    /** How long the reconciler (reservation PT3S on the IT server) and the task job get to settle everything. */
    static final Duration SETTLE = Duration.ofSeconds(60);

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(LedgerAgrees.class);

    @Override
    public void beforeAll(ExtensionContext context) throws SQLException {
        // The run's server creates the tables on its first boot: on a fresh IT database, a money IT that runs first
        // would otherwise read a table that is not there yet.
        ItServer.url();
        try (Connection db = connect()) {
            context.getStore(NAMESPACE).put("deals", dealIds(db, null));
        }
    }

    @Override
    public void testSuccessful(ExtensionContext test) {
        test.getParent()
                .orElseThrow()
                .getStore(NAMESPACE)
                .getOrComputeIfAbsent("passed", key -> new AtomicInteger(), AtomicInteger.class)
                .incrementAndGet();
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        @SuppressWarnings("unchecked")
        Set<String> before = context.getStore(NAMESPACE).get("deals", Set.class);
        Set<String> tenants = TenantsMade.by(context.getRequiredTestClass());
        AtomicInteger passed = context.getStore(NAMESPACE).get("passed", AtomicInteger.class);
        if (tenants.isEmpty() && passed != null) {
            throw new AssertionError(context.getDisplayName() + ": " + passed + " tests passed but signed no merchant"
                    + " up through the test's http, so the ledger check after the class would look at nothing and"
                    + " pass whatever the books say; sign merchants up through DeployedApp's http, or drop"
                    + " @ExtendWith(LedgerAgrees.class) from a class that moves no money");
        }
        try (Connection db = connect()) {
            List<String> deals = new ArrayList<>(dealIds(db, tenants));
            deals.removeAll(before);
            int unsettled = settle(db, deals, SETTLE);
            // In the class's -output.txt: what the check after it looked at.
            System.out.println("LedgerAgrees after " + context.getDisplayName() + ": " + tenants.size() + " tenants, "
                    + deals.size() + " new deals checked");
            LedgerCheck check = LedgerCheck.run(db, deals);
            if (!check.agrees() || unsettled > 0) {
                throw new AssertionError("After " + context.getDisplayName()
                        + (unsettled > 0
                                ? " (" + unsettled + " reservations or payment tasks still open after "
                                        + SETTLE.toSeconds() + " s)"
                                : "")
                        + ": "
                        + check.report());
            }
        }
    }

    /** Waits until nothing of the deals is moving any more, at most {@code bound}; answers what is still open. */
    static int settle(Connection db, List<String> deals, Duration bound) throws SQLException, InterruptedException {
        Instant deadline = Instant.now().plus(bound);
        int open = LedgerCheck.unsettled(db, deals);
        while (open > 0 && Instant.now().isBefore(deadline)) {
            Thread.sleep(500);
            open = LedgerCheck.unsettled(db, deals);
        }
        return open;
    }

    static Connection connect() throws SQLException {
        return DriverManager.getConnection(System.getProperty(ItDatabase.URL_PROPERTY), "deal", "deal");
    }

    /** The ids of the deals of these tenants, or of every deal when {@code tenants} is null. */
    private static Set<String> dealIds(Connection db, Set<String> tenants) throws SQLException {
        Set<String> ids = new HashSet<>();
        try (PreparedStatement statement = db.prepareStatement("SELECT id, tenant_id FROM deal");
                ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                if (tenants == null || tenants.contains(rows.getString(2))) {
                    ids.add(rows.getString(1));
                }
            }
        }
        return ids;
    }
}
