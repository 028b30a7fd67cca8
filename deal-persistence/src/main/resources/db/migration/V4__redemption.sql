-- Redemption at the counter. The coupon row holds its current state (status REDEEMED, redeemed_at, redeemed_store_id,
-- moved by one conditional UPDATE); this table keeps the history, append-only: one REDEEM event per redemption and at
-- most one UNDO event for it (the unique key), never updated or deleted.
CREATE TABLE redemption_event (
    tenant_id     CHAR(26)     NOT NULL,
    id            CHAR(26)     NOT NULL,
    kind          VARCHAR(8)   NOT NULL,
    redemption_id CHAR(26)     NOT NULL,
    coupon_id     CHAR(26)     NOT NULL,
    store_id      CHAR(26)     NOT NULL,
    account_id    CHAR(26)     NOT NULL,
    occurred_at   DATETIME(6)  NOT NULL,
    reason        VARCHAR(300) NULL,
    PRIMARY KEY (tenant_id, id),
    UNIQUE KEY uk_redemption_event_kind (tenant_id, redemption_id, kind),
    KEY ix_redemption_event_store (tenant_id, store_id, occurred_at),
    KEY ix_redemption_event_coupon (tenant_id, coupon_id)
) ENGINE = InnoDB;

-- Idempotency-Key of POST /counter/redemptions: a scanner that sends twice gets the first answer again.
CREATE TABLE counter_request (
    account_id      CHAR(26)     NOT NULL,
    idempotency_key VARCHAR(128) NOT NULL,
    request_hash    CHAR(64)     NOT NULL,
    tenant_id       CHAR(26)     NOT NULL,
    redemption_id   CHAR(26)     NOT NULL,
    created_at      DATETIME(6)  NOT NULL,
    PRIMARY KEY (account_id, idempotency_key)
) ENGINE = InnoDB;

-- Guessing protection: failed code attempts (unknown, wrong check symbol) per account, in the database so that every
-- server instance counts the same; rows older than the window are removed as new ones come.
CREATE TABLE counter_failure (
    id         BIGINT      NOT NULL AUTO_INCREMENT,
    account_id CHAR(26)    NOT NULL,
    failed_at  DATETIME(6) NOT NULL,
    PRIMARY KEY (id),
    KEY ix_counter_failure_account (account_id, failed_at)
) ENGINE = InnoDB;
