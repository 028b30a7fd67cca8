package io.groupdeal.domain.shared;

/**
 * An account's id (a buyer's, a staff member's, an admin's) where it sits beside other ids of the same Java type, so
 * that the compiler, not a review, keeps it from taking a tenant's or an order's place.
 */
public record AccountId(String value) {

    public AccountId {
        IdValue.require(value, "account");
    }
}
