package io.groupdeal.domain.account;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A bearer token. Only its SHA-256 is stored, so a copy of the database lets nobody log in. */
@Entity
@Table(name = "access_token")
public class AccessToken {

    @Id
    @Column(name = "token_hash")
    private String tokenHash;

    @Column(name = "account_id")
    private String accountId;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "expires_at")
    private Instant expiresAt;

    protected AccessToken() {}

    public AccessToken(String tokenHash, String accountId, Instant createdAt, Instant expiresAt) {
        this.tokenHash = tokenHash;
        this.accountId = accountId;
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
    }

    public boolean isExpiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }

    public String tokenHash() {
        return tokenHash;
    }

    public String accountId() {
        return accountId;
    }

    public Instant expiresAt() {
        return expiresAt;
    }
}
