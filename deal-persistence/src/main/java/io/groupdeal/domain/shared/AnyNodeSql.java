package io.groupdeal.domain.shared;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import javax.sql.DataSource;

/**
 * Plain SQL on the read pool ({@code DEAL_DB_READ_URL}): for what buyers browse (the catalog) and merchants read,
 * which any database node in sync may answer. On one server the read pool reaches the same database as the writes; in
 * a Galera cluster the balancer spreads its connections over every Synced node while every write goes to one
 * ({@code config/cluster}), and with {@code wsrep_sync_wait} a read there still sees every commit made anywhere
 * before it began.
 *
 * <p>A statement here never joins the caller's transaction: it runs on a connection of its own (the pool is not
 * transactional) and takes no lock, so it does not see what the caller's transaction has written and not yet
 * committed. Never for a read that decides a write: those stay on {@link NativeSql} inside their transaction.
 */
@ApplicationScoped
@AnyNode
public class AnyNodeSql extends NativeSql {

    @Resource(lookup = "java:app/jdbc/deal-reads")
    private DataSource reads;

    @Override
    protected DataSource pool() {
        return reads;
    }

    @Override
    protected boolean joinsTransactions() {
        return false;
    }
}
