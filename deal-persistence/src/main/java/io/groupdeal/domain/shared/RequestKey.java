package io.groupdeal.domain.shared;

import java.util.Objects;

/**
 * An {@code Idempotency-Key} as its account sent it: a key belongs to the account that sent it (two accounts may send
 * the same key for different requests), so the pair is what a request table's primary key holds.
 */
public record RequestKey(AccountId account, String key) {

    public RequestKey {
        Objects.requireNonNull(account, "account");
        IdValue.require(key, "idempotency key");
    }
}
