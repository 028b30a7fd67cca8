package io.groupdeal.interfaces.security;

import jakarta.security.enterprise.credential.Credential;

/** A bearer token as presented by a client, in the Authorization header or the session cookie. */
public record TokenCredential(String token) implements Credential {}
