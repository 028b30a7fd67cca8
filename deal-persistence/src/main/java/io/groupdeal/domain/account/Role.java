package io.groupdeal.domain.account;

/** The four kinds of people who use the product. The names are the security roles of the application. */
public enum Role {
    PLATFORM_ADMIN,
    MERCHANT_ADMIN,
    STAFF,
    BUYER;

    /** Merchant admins and staff act for one tenant; operators and buyers do not belong to any. */
    public boolean belongsToTenant() {
        return this == MERCHANT_ADMIN || this == STAFF;
    }
}
