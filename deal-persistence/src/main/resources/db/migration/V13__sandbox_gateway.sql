-- The payment sandbox is a service of its own (infrastructure.sandbox, reached only over HTTP): its ledger is these
-- two tables, written only by the sandbox server in short transactions of its own, never in a transaction of the
-- product. They hold what a card processor's books hold, so the tests compare them with the orders.

-- One payment per idempotency key (the product sends the order's id): a second authorise with the key answers this
-- row instead of charging again. state: AUTHORISED, CAPTURED, VOIDED, DECLINED or FAILED. A key that was cancelled
-- before anything was authorised under it is barred by a VOIDED row without token (amount 0, currency XXX, "no
-- currency" in ISO 4217), so a late authorise with it never charges. captured and refunded are the money that moved;
-- refunded never exceeds captured.
CREATE TABLE sandbox_payment (
    ref         VARCHAR(40)    CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    payment_key VARCHAR(100)   CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    token       VARCHAR(100)   NULL,
    state       VARCHAR(16)    NOT NULL,
    amount      DECIMAL(15, 3) NOT NULL,
    currency    CHAR(3)        NOT NULL,
    captured    DECIMAL(15, 3) NOT NULL DEFAULT 0,
    refunded    DECIMAL(15, 3) NOT NULL DEFAULT 0,
    created_at  DATETIME(6)    NOT NULL,
    updated_at  DATETIME(6)    NOT NULL,
    PRIMARY KEY (ref),
    UNIQUE KEY uk_sandbox_payment_key (payment_key)
) ENGINE = InnoDB;

-- One refund per (payment, reference): the reference names what is paid back (a coupon, a cancelled order), so a
-- retried refund finds its row and moves no more money.
CREATE TABLE sandbox_refund (
    ref        VARCHAR(40)    CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    reference  VARCHAR(100)   NOT NULL,
    amount     DECIMAL(15, 3) NOT NULL,
    created_at DATETIME(6)    NOT NULL,
    PRIMARY KEY (ref, reference),
    CONSTRAINT fk_sandbox_refund_payment FOREIGN KEY (ref) REFERENCES sandbox_payment (ref)
) ENGINE = InnoDB;

-- The ledger the old in-transaction sandbox wrote with the product's own transaction.
DROP TABLE payment_ledger;
