-- Foundation: tenants, accounts and tokens (platform level), stores and staff (tenant data).
-- Tenant data: tenant_id leads the primary key and every unique key, and foreign keys between
-- tenant tables include tenant_id, so a row can never point at another tenant's row.

CREATE TABLE tenant (
    id                  CHAR(26)      NOT NULL,
    business_name       VARCHAR(120)  NOT NULL,
    status              VARCHAR(16)   NOT NULL,
    commission_rate     DECIMAL(5, 4) NOT NULL DEFAULT 0.1000,
    time_zone           VARCHAR(64)   NOT NULL DEFAULT 'UTC',
    undo_window_minutes INT           NOT NULL DEFAULT 10,
    created_at          DATETIME(6)   NOT NULL,
    version             INT           NOT NULL DEFAULT 0,
    PRIMARY KEY (id)
) ENGINE = InnoDB;

-- The login identity of every person: operator, merchant admin, staff, buyer.
-- Email is the login name, so it is unique across the platform.
CREATE TABLE account (
    id            CHAR(26)     NOT NULL,
    email         VARCHAR(254) NOT NULL,
    name          VARCHAR(120) NOT NULL,
    password_hash VARCHAR(255) NOT NULL,
    role          VARCHAR(20)  NOT NULL,
    tenant_id     CHAR(26)     NULL,
    created_at    DATETIME(6)  NOT NULL,
    version       INT          NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    UNIQUE KEY uk_account_email (email),
    KEY ix_account_tenant (tenant_id),
    CONSTRAINT fk_account_tenant FOREIGN KEY (tenant_id) REFERENCES tenant (id)
) ENGINE = InnoDB;

-- Only the SHA-256 of a bearer token is stored.
CREATE TABLE access_token (
    token_hash CHAR(64)    NOT NULL,
    account_id CHAR(26)    NOT NULL,
    created_at DATETIME(6) NOT NULL,
    expires_at DATETIME(6) NOT NULL,
    PRIMARY KEY (token_hash),
    KEY ix_access_token_account (account_id),
    CONSTRAINT fk_access_token_account FOREIGN KEY (account_id) REFERENCES account (id) ON DELETE CASCADE
) ENGINE = InnoDB;

CREATE TABLE store (
    tenant_id  CHAR(26)      NOT NULL,
    id         CHAR(26)      NOT NULL,
    name       VARCHAR(120)  NOT NULL,
    address    VARCHAR(300)  NOT NULL,
    latitude   DECIMAL(9, 6) NOT NULL,
    longitude  DECIMAL(9, 6) NOT NULL,
    time_zone  VARCHAR(64)   NOT NULL,
    created_at DATETIME(6)   NOT NULL,
    version    INT           NOT NULL DEFAULT 0,
    PRIMARY KEY (tenant_id, id),
    KEY ix_store_location (latitude, longitude),
    CONSTRAINT fk_store_tenant FOREIGN KEY (tenant_id) REFERENCES tenant (id)
) ENGINE = InnoDB;

-- A staff member is an account of role STAFF that belongs to one tenant; its id is the account's id.
CREATE TABLE staff_member (
    tenant_id  CHAR(26)    NOT NULL,
    id         CHAR(26)    NOT NULL,
    created_at DATETIME(6) NOT NULL,
    PRIMARY KEY (tenant_id, id),
    CONSTRAINT fk_staff_member_tenant FOREIGN KEY (tenant_id) REFERENCES tenant (id),
    CONSTRAINT fk_staff_member_account FOREIGN KEY (id) REFERENCES account (id) ON DELETE CASCADE
) ENGINE = InnoDB;

CREATE TABLE staff_assignment (
    tenant_id CHAR(26) NOT NULL,
    staff_id  CHAR(26) NOT NULL,
    store_id  CHAR(26) NOT NULL,
    PRIMARY KEY (tenant_id, staff_id, store_id),
    KEY ix_staff_assignment_store (tenant_id, store_id),
    CONSTRAINT fk_staff_assignment_staff FOREIGN KEY (tenant_id, staff_id)
        REFERENCES staff_member (tenant_id, id) ON DELETE CASCADE,
    CONSTRAINT fk_staff_assignment_store FOREIGN KEY (tenant_id, store_id)
        REFERENCES store (tenant_id, id) ON DELETE CASCADE
) ENGINE = InnoDB;
