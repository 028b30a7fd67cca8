package io.groupdeal.interfaces.web;

import io.groupdeal.application.settings.SettingsService;
import io.groupdeal.domain.shared.Language;
import io.groupdeal.domain.tenant.Tenant;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import java.util.List;

/**
 * The merchant's settings: business name, time zone of the by-day figures, the counter's undo window, and the language
 * of the mails to buyers who never chose one (the tenant's default language, as {@code PUT /settings} {@code language}).
 */
@Named
@RequestScoped
public class SettingsPage {

    @EJB
    private SettingsService settings;

    private String businessName;
    private String timeZone;
    private Integer undoWindowMinutes;
    private String mailLanguage;

    @PostConstruct
    void load() {
        Tenant tenant = settings.get();
        businessName = tenant.businessName();
        timeZone = tenant.timeZone().getId();
        undoWindowMinutes = tenant.undoWindowMinutes();
        mailLanguage = tenant.language().tag();
    }

    public String save() {
        if (undoWindowMinutes == null) {
            Messages.error(Words.of("page.settings.undoRequired"));
            return null;
        }
        if (Messages.attempt(() -> settings.update(businessName, timeZone, undoWindowMinutes, mailLanguage))) {
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

    /** The languages mails can be written in, each named in its own words ("English", "中文") as the switcher names them. */
    public List<Language> getMailLanguages() {
        return List.of(Language.values());
    }

    /** A language's name in the switcher's words: the same in every page language, so that a reader finds their own. */
    public String mailLanguageName(Language language) {
        return Words.of(language == Language.ZH_CN ? "layout.language.zh" : "layout.language.en");
    }

    /** The tag, {@code en} or {@code zh-CN}; a form that does not send it (null or empty) leaves the language as it is. */
    public String getMailLanguage() {
        return mailLanguage;
    }

    public void setMailLanguage(String mailLanguage) {
        this.mailLanguage = mailLanguage == null || mailLanguage.isBlank() ? null : mailLanguage;
    }

    public Integer getUndoWindowMinutes() {
        return undoWindowMinutes;
    }

    public void setUndoWindowMinutes(Integer undoWindowMinutes) {
        this.undoWindowMinutes = undoWindowMinutes;
    }
}
