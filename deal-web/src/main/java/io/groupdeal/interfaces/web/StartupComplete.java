package io.groupdeal.interfaces.web;

import io.groupdeal.infrastructure.database.WaitingDataSource;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;

/**
 * The web module starts last, after the schema migration and every startup bean: from here on the data source no
 * longer waits for an absent database ({@link WaitingDataSource}), and a request that finds it away fails within
 * seconds with a 503 instead.
 */
@WebListener
public class StartupComplete implements ServletContextListener {

    @Override
    public void contextInitialized(ServletContextEvent event) {
        WaitingDataSource.started();
    }
}
