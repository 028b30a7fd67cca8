package io.groupdeal.interfaces.web;

import io.groupdeal.application.security.Caller;
import io.groupdeal.application.security.CallerAccount;
import io.groupdeal.domain.account.Role;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/** Who is looking at the page, for the shared layout: name, role, tenant, and the navigation of that role. */
@Named("user")
@RequestScoped
public class CurrentUser {

    @Inject
    private Caller caller;

    public boolean isBuyer() {
        return caller.account().map(a -> a.role() == Role.BUYER).orElse(false);
    }

    public boolean isLoggedIn() {
        return caller.account().isPresent();
    }

    public String getName() {
        return caller.account().map(CallerAccount::name).orElse("");
    }

    public String getEmail() {
        return caller.account().map(CallerAccount::email).orElse("");
    }

    public String getInitials() {
        String name = getName().strip();
        if (name.isEmpty()) {
            return "?";
        }
        String[] parts = name.split("\\s+");
        return (parts[0].substring(0, 1) + (parts.length > 1 ? parts[parts.length - 1].substring(0, 1) : "")).toUpperCase();
    }

    public String getTenantName() {
        return caller.account().map(CallerAccount::tenantName).orElse(null);
    }

    public String getRoleLabel() {
        return caller.account().map(a -> label(a.role())).orElse("Guest");
    }

    public List<NavItem> getNavigation() {
        return caller.account().map(a -> navigation(a.role())).orElse(List.of(
                new NavItem("Deals", "/index.xhtml", "tag"),
                new NavItem("Log in", "/login.xhtml", "login"),
                new NavItem("Sell with us", "/signup.xhtml", "store")));
    }

    /** Where each role starts after logging in. */
    public static String landing(Role role) {
        return navigation(role).get(0).path();
    }

    private static List<NavItem> navigation(Role role) {
        return switch (role) {
            case MERCHANT_ADMIN -> List.of(
                    new NavItem("Dashboard", "/merchant/dashboard.xhtml", "chart"),
                    new NavItem("Stores & staff", "/merchant/stores.xhtml", "store"),
                    new NavItem("Deals", "/merchant/deals.xhtml", "tag"),
                    new NavItem("Counter", "/counter/index.xhtml", "scan"),
                    new NavItem("Redemptions", "/merchant/redemptions.xhtml", "ticket"),
                    new NavItem("Reviews", "/merchant/reviews.xhtml", "tag"),
                    new NavItem("Settlements", "/merchant/settlements.xhtml", "building"),
                    new NavItem("Settings", "/merchant/settings.xhtml", "building"));
            case STAFF -> List.of(new NavItem("Counter", "/counter/index.xhtml", "scan"));
            case PLATFORM_ADMIN -> List.of(new NavItem("Tenants", "/platform/tenants.xhtml", "building"),
                    new NavItem("Moderation", "/platform/moderation.xhtml", "tag"),
                    new NavItem("Settlements", "/platform/settlements.xhtml", "ticket"),
                    new NavItem("Mails", "/platform/mails.xhtml", "mail"));
            case BUYER -> List.of(
                    new NavItem("My coupons", "/account/index.xhtml", "ticket"),
                    new NavItem("Deals", "/index.xhtml", "tag"));
        };
    }

    private static String label(Role role) {
        return switch (role) {
            case MERCHANT_ADMIN -> "Merchant admin";
            case STAFF -> "Counter staff";
            case PLATFORM_ADMIN -> "Platform operator";
            case BUYER -> "Buyer";
        };
    }
}
