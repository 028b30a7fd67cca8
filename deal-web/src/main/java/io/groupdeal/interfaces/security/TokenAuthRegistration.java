package io.groupdeal.interfaces.security;

import io.groupdeal.application.security.Caller;
import io.groupdeal.application.security.TokenAuthentication;
import jakarta.inject.Inject;
import jakarta.security.auth.message.config.AuthConfigFactory;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;

/**
 * Registers {@link TokenAuthModule} as the application's authentication module when the application starts (Jakarta
 * Authentication 3.0's registration for a servlet context), and removes it when it stops.
 */
@WebListener
public class TokenAuthRegistration implements ServletContextListener {

    @Inject
    private TokenAuthentication authentication;

    @Inject
    private Caller caller;

    private String registration;

    @Override
    public void contextInitialized(ServletContextEvent event) {
        registration = AuthConfigFactory.getFactory()
                .registerServerAuthModule(new TokenAuthModule(authentication, caller), event.getServletContext());
    }

    @Override
    public void contextDestroyed(ServletContextEvent event) {
        if (registration != null) {
            AuthConfigFactory.getFactory().removeServerAuthModule(event.getServletContext());
        }
    }
}
