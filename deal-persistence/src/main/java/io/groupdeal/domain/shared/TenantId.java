package io.groupdeal.domain.shared;

/**
 * A tenant's (a business's) id where it sits beside other ids of the same Java type, so that the compiler, not a
 * review, keeps a tenant's id from taking an account's or an order's place.
 */
public record TenantId(String value) {

    public TenantId {
        IdValue.require(value, "tenant");
    }
}
