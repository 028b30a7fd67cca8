package io.groupdeal.interfaces.rest.settings;

import io.groupdeal.application.settings.SettingsService;
import io.groupdeal.interfaces.rest.RequestBodies;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** {@code /settings}: the caller's business (MERCHANT_ADMIN): name, time zone, the counter's undo window, the mails' language. */
@ApplicationScoped
@Path("v1/settings")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SettingsResource {

    @EJB
    private SettingsService settings;

    @Inject
    private RequestBodies bodies;

    @GET
    public SettingsDto get() {
        return SettingsDto.of(settings.get());
    }

    @PUT
    public SettingsDto update(SettingsRequest body) {
        bodies.valid(body);
        return SettingsDto.of(
                settings.update(body.businessName(), body.timeZone(), body.undoWindowMinutes(), body.language()));
    }
}
