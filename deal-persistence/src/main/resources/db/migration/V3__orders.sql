-- Buying: orders, the buyer's per-deal counts, idempotency keys, the sandbox payment ledger and the mail outbox.
-- Every rule that concurrency could break is a conditional update whose row count is checked, or a unique key.

-- The deal has settlement work waiting (capture after tipping, void after failing, refund after cancelling). Set in
-- the transaction that causes the work, cleared by the settlement job once no order is left to settle.
ALTER TABLE deal ADD COLUMN settlement_due BOOLEAN NOT NULL DEFAULT FALSE AFTER closed_at;
CREATE INDEX ix_deal_settlement_due ON deal (settlement_due);

-- No foreign key from the rows a purchase writes (order, coupons, quota) to the deal: InnoDB would take a shared
-- lock on the deal row for each, and two purchases holding it could not both raise sold (a deadlock). Deals are
-- never deleted, and a purchase reads its deal first.
ALTER TABLE coupon DROP FOREIGN KEY fk_coupon_deal;

CREATE TABLE purchase_order (
    tenant_id   CHAR(26)       NOT NULL,
    id          CHAR(26)       NOT NULL,
    deal_id     CHAR(26)       NOT NULL,
    buyer_id    CHAR(26)       NOT NULL,
    quantity    INT            NOT NULL,
    unit_price  DECIMAL(15, 3) NOT NULL,
    amount      DECIMAL(15, 3) NOT NULL,
    currency    CHAR(3)        NOT NULL,
    -- PENDING (authorised, deal not tipped), CONFIRMED (captured), CANCELLED (authorisation voided),
    -- REFUNDED, PARTIALLY_REFUNDED
    status      VARCHAR(20)    NOT NULL,
    payment_ref VARCHAR(64)    NOT NULL,
    created_at  DATETIME(6)    NOT NULL,
    captured_at DATETIME(6)    NULL,
    closed_at   DATETIME(6)    NULL,
    PRIMARY KEY (tenant_id, id),
    KEY ix_order_deal_status (tenant_id, deal_id, status),
    KEY ix_order_buyer (buyer_id, created_at),
    CONSTRAINT fk_order_buyer FOREIGN KEY (buyer_id) REFERENCES account (id)
) ENGINE = InnoDB;

-- How many coupons of a deal a buyer holds against perBuyerLimit: one conditional update per order
-- (bought + q <= limit), so parallel orders of one buyer never pass the limit together.
CREATE TABLE buyer_quota (
    tenant_id CHAR(26) NOT NULL,
    deal_id   CHAR(26) NOT NULL,
    buyer_id  CHAR(26) NOT NULL,
    bought    INT      NOT NULL,
    PRIMARY KEY (tenant_id, deal_id, buyer_id)
) ENGINE = InnoDB;

-- A buyer's Idempotency-Key: the first request with a key inserts this row, a parallel one waits on the key and
-- then finds it. Buyers are platform accounts, so the key is the buyer's, whatever the deal's tenant.
CREATE TABLE order_request (
    buyer_id        CHAR(26)     NOT NULL,
    idempotency_key VARCHAR(128) NOT NULL,
    request_hash    CHAR(64)     NOT NULL,
    tenant_id       CHAR(26)     NOT NULL,
    order_id        CHAR(26)     NOT NULL,
    created_at      DATETIME(6)  NOT NULL,
    PRIMARY KEY (buyer_id, idempotency_key)
) ENGINE = InnoDB;

ALTER TABLE coupon
    ADD COLUMN reminded_at DATETIME(6) NULL,
    ADD KEY ix_coupon_order (tenant_id, order_id),
    ADD KEY ix_coupon_buyer (buyer_id, created_at),
    ADD KEY ix_coupon_buyer_code (buyer_id, code),
    ADD KEY ix_coupon_status_valid (status, valid_until);

-- The built-in sandbox gateway's ledger. One row per operation; the unique key makes a repeated capture, void or
-- refund of the same thing a no-op instead of a second movement of money.
CREATE TABLE payment_ledger (
    id          BIGINT         NOT NULL AUTO_INCREMENT,
    payment_ref VARCHAR(64)    NOT NULL,
    operation   VARCHAR(16)    NOT NULL,
    reference   VARCHAR(80)    NOT NULL,
    amount      DECIMAL(15, 3) NOT NULL,
    currency    CHAR(3)        NOT NULL,
    created_at  DATETIME(6)    NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_ledger_operation (payment_ref, operation, reference)
) ENGINE = InnoDB;

-- Mail written in the transaction of the change that causes it and delivered by a background job with retries.
-- cause_key names the cause ("order-confirmed:<order>"): one mail per cause, however often the cause is retried.
CREATE TABLE mail_outbox (
    id              CHAR(26)     NOT NULL,
    tenant_id       CHAR(26)     NULL,
    cause_key       VARCHAR(120) NOT NULL,
    recipient       VARCHAR(254) NOT NULL,
    subject         VARCHAR(255) NOT NULL,
    text_body       MEDIUMTEXT   NOT NULL,
    html_body       MEDIUMTEXT   NOT NULL,
    -- coupon codes drawn as inline QR images (cid:qr-<code>), space-separated
    qr_codes        TEXT         NULL,
    status          VARCHAR(16)  NOT NULL,
    attempts        INT          NOT NULL DEFAULT 0,
    next_attempt_at DATETIME(6)  NOT NULL,
    last_error      VARCHAR(500) NULL,
    created_at      DATETIME(6)  NOT NULL,
    sent_at         DATETIME(6)  NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_outbox_cause (cause_key),
    KEY ix_outbox_due (status, next_attempt_at)
) ENGINE = InnoDB;
