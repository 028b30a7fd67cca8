package io.groupdeal.domain.shared;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.function.Supplier;

/**
 * A short transaction of its own around work that is nothing but the repositories' native statements, outside JTA
 * ({@link NativeSql#transaction}): {@code START TRANSACTION}, the statements on one connection of the write pool, then
 * {@code COMMIT}, or {@code ROLLBACK} when the work throws (the exception goes on). That is two requests to the
 * database around the work where a JTA transaction on the pool costs three, and none of the transaction manager's
 * work, for the steps that run on every purchase (the checkout's reserve, confirm and release). It is refused inside
 * a JTA transaction, whose statements it would not join: its callers run outside any, as the purchase must while it
 * asks the payment gateway. The application reaches it here, the statements stay in the repositories.
 */
@ApplicationScoped
public class OwnTransaction {

    @Inject
    private NativeSql sql;

    /** {@code work} in a transaction of its own: committed when it returns, rolled back when it throws. */
    public <T> T run(Supplier<T> work) {
        return sql.transaction(work);
    }

    /** {@link #run(Supplier)} for work without a result. */
    public void run(Runnable work) {
        sql.transaction(() -> {
            work.run();
            return null;
        });
    }
}
