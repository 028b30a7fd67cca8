package io.groupdeal.interfaces.web;

import io.groupdeal.application.settings.SettingsService;
import io.groupdeal.domain.tenant.Tenant;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** The merchant's settings: business name, time zone of the by-day figures, the counter's undo window. */
@Named
@RequestScoped
public class SettingsPage {

    @Inject
    private SettingsService settings;

    private String businessName;
    private String timeZone;
    private Integer undoWindowMinutes;

    @PostConstruct
    void load() {
        Tenant tenant = settings.get();
        businessName = tenant.businessName();
        timeZone = tenant.timeZone().getId();
        undoWindowMinutes = tenant.undoWindowMinutes();
    }

    public String save() {
        if (undoWindowMinutes == null) {
            Messages.error(Words.of("page.settings.undoRequired"));
            return null;
        }
        if (Messages.attempt(() -> settings.update(businessName, timeZone, undoWindowMinutes))) {
            Messages.info(Words.of("page.settings.saved"));
            return Messages.reloadPage();
        }
        return null;
    }

    public String getBusinessName() {
        return businessName;
    }

    public void setBusinessName(String businessName) {
        this.businessName = businessName;
    }

    public String getTimeZone() {
        return timeZone;
    }

    public void setTimeZone(String timeZone) {
        this.timeZone = timeZone;
    }

    public Integer getUndoWindowMinutes() {
        return undoWindowMinutes;
    }

    public void setUndoWindowMinutes(Integer undoWindowMinutes) {
        this.undoWindowMinutes = undoWindowMinutes;
    }
}
