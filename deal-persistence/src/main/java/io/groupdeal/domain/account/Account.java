package io.groupdeal.domain.account;

import io.groupdeal.domain.shared.Ids;
import io.groupdeal.domain.shared.InvalidValue;
import io.groupdeal.domain.shared.Language;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The login identity of a person. The email is unique across the platform; the password is kept only as a slow
 * salted hash. Merchant admins and staff carry the tenant they act for; operators and buyers carry none.
 */
@Entity
@Table(name = "account")
public class Account {

    public static final int MIN_PASSWORD_LENGTH = 10;
    public static final int MAX_PASSWORD_LENGTH = 200;

    @Id
    private String id;

    private String email;

    private String name;

    @Column(name = "password_hash")
    private String passwordHash;

    @Enumerated(EnumType.STRING)
    private Role role;

    @Column(name = "tenant_id")
    private String tenantId;

    @Column(name = "created_at")
    private Instant createdAt;

    /** The language the person chose; null until they choose one. */
    @Enumerated(EnumType.STRING)
    private Language language;

    @Version
    private int version;

    protected Account() {}

    public Account(
            EmailAddress email, String name, String passwordHash, Role role, String tenantId, Instant createdAt) {
        if (role.belongsToTenant() != (tenantId != null)) {
            throw new IllegalStateException(
                    role + " accounts " + (role.belongsToTenant() ? "need" : "have no") + " tenant");
        }
        this.id = Ids.newId();
        this.email = email.value();
        this.name = requireName(name);
        this.passwordHash = Objects.requireNonNull(passwordHash);
        this.role = role;
        this.tenantId = tenantId;
        this.createdAt = Objects.requireNonNull(createdAt);
    }

    static String requireName(String name) {
        if (name == null || name.isBlank() || name.strip().length() > 120) {
            throw new InvalidValue("name", "length-between", 1, 120);
        }
        return name.strip();
    }

    public void rename(String newName) {
        this.name = requireName(newName);
    }

    public void changeEmail(EmailAddress newEmail) {
        this.email = newEmail.value();
    }

    public void chooseLanguage(Language chosen) {
        this.language = Objects.requireNonNull(chosen, "language");
    }

    /** The language the person chose, if they ever chose one. */
    public Optional<Language> language() {
        return Optional.ofNullable(language);
    }

    public void changePasswordHash(String newHash) {
        this.passwordHash = Objects.requireNonNull(newHash);
    }

    public String id() {
        return id;
    }

    public EmailAddress email() {
        return new EmailAddress(email);
    }

    public String name() {
        return name;
    }

    public String passwordHash() {
        return passwordHash;
    }

    public Role role() {
        return role;
    }

    /** The tenant this account acts for, or null for operators and buyers. */
    public String tenantId() {
        return tenantId;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
