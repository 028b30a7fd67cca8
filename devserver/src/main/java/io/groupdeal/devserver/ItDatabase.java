package io.groupdeal.devserver;

import java.nio.file.Path;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * For the integration tests: one embedded MariaDB for the whole run, started before the first test and stopped after
 * the last. Its JDBC URL goes to the IT server through {@code deal.it.db.url} (see ItServer), its port to tests that
 * make databases of their own on it through {@code deal.it.db.port}.
 * Only active when failsafe names a data folder ({@code deal.it.data}).
 */
public class ItDatabase implements LauncherSessionListener {

    public static final String URL_PROPERTY = "deal.it.db.url";
    public static final String PORT_PROPERTY = "deal.it.db.port";

    private static EmbeddedDatabase database;

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        String folder = System.getProperty("deal.it.data");
        if (folder != null && database == null) {
            database = EmbeddedDatabase.start(Path.of(folder), EmbeddedDatabase.freePort());
            System.setProperty(URL_PROPERTY, database.jdbcUrl());
            System.setProperty(PORT_PROPERTY, String.valueOf(database.port()));
        }
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        if (database != null) {
            database.close();
            database = null;
        }
    }
}
