package io.groupdeal.application.account;

import io.groupdeal.domain.account.Role;
import java.time.Instant;

/** A freshly issued bearer token: the only moment its clear text exists on the server. */
public record IssuedToken(String token, Instant expiresAt, Role role, String tenantId) {}
