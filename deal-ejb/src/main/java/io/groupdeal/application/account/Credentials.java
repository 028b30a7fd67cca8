package io.groupdeal.application.account;

import io.groupdeal.domain.account.Role;

/** What a login checks of an account, read in a short transaction before the password is hashed. */
public record Credentials(String accountId, String passwordHash, Role role, String tenantId, boolean mayLogIn) {}
