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
        return (parts[0].substring(0, 1) + (parts.length > 1 ? parts[parts.length - 1].substring(0, 1) : ""))
                .toUpperCase();
    }

    public String getTenantName() {
        return caller.account().map(CallerAccount::tenantName).orElse(null);
    }

    public String getRoleLabel() {
        return caller.account().map(a -> label(a.role())).orElse(Words.of("layout.role.guest"));
    }

    public List<NavItem> getNavigation() {
        return caller.account()
                .map(a -> navigation(a.role()))
                .orElse(List.of(
                        new NavItem(Words.of("layout.nav.deals"), "/index.xhtml", "tag"),
                        new NavItem(Words.of("layout.nav.logIn"), "/login.xhtml", "login"),
                        new NavItem(Words.of("layout.nav.sell"), "/signup.xhtml", "store")));
    }

    /** Where each role starts after logging in. */
    public static String landing(Role role) {
        return navigation(role).get(0).path();
    }

    private static List<NavItem> navigation(Role role) {
        return switch (role) {
            case MERCHANT_ADMIN ->
                List.of(
                        new NavItem(Words.of("layout.nav.dashboard"), "/merchant/dashboard.xhtml", "chart"),
                        new NavItem(Words.of("layout.nav.stores"), "/merchant/stores.xhtml", "store"),
                        new NavItem(Words.of("layout.nav.deals"), "/merchant/deals.xhtml", "tag"),
                        new NavItem(Words.of("layout.nav.counter"), "/counter/index.xhtml", "scan"),
                        new NavItem(Words.of("layout.nav.redemptions"), "/merchant/redemptions.xhtml", "ticket"),
                        new NavItem(Words.of("layout.nav.reviews"), "/merchant/reviews.xhtml", "star"),
                        new NavItem(Words.of("layout.nav.settlements"), "/merchant/settlements.xhtml", "coins"),
                        new NavItem(Words.of("layout.nav.settings"), "/merchant/settings.xhtml", "gear"));
            case STAFF -> List.of(new NavItem(Words.of("layout.nav.counter"), "/counter/index.xhtml", "scan"));
            case PLATFORM_ADMIN ->
                List.of(
                        new NavItem(Words.of("layout.nav.tenants"), "/platform/tenants.xhtml", "building"),
                        new NavItem(Words.of("layout.nav.moderation"), "/platform/moderation.xhtml", "shield"),
                        new NavItem(Words.of("layout.nav.settlements"), "/platform/settlements.xhtml", "coins"),
                        new NavItem(Words.of("layout.nav.mails"), "/platform/mails.xhtml", "mail"));
            case BUYER ->
                List.of(
                        new NavItem(Words.of("layout.nav.coupons"), "/account/index.xhtml", "ticket"),
                        new NavItem(Words.of("layout.nav.deals"), "/index.xhtml", "tag"));
        };
    }

    private static String label(Role role) {
        return switch (role) {
            case MERCHANT_ADMIN -> Words.of("layout.role.merchantAdmin");
            case STAFF -> Words.of("layout.role.staff");
            case PLATFORM_ADMIN -> Words.of("layout.role.operator");
            case BUYER -> Words.of("layout.role.buyer");
        };
    }
}
