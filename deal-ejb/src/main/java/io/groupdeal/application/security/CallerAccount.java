package io.groupdeal.application.security;

import io.groupdeal.domain.account.Role;

/** The authenticated account behind a request, as the identity store found it. */
public record CallerAccount(String accountId, String email, String name, Role role, String tenantId, String tenantName) {
}
