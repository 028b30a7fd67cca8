-- Money outside the lock. A purchase reserves (order RESERVED, stock and quota taken) in one short transaction, pays
-- with no transaction open, and confirms or releases in another short one. Capture, void and refund after that are
-- payment tasks written with the change that causes them and carried out after commit, retried until done.

-- RESERVED until expires_at; past it the reconciler asks the gateway what became of the payment (the order's id is
-- its key) and confirms or releases it. Taking a reservation moves expires_at on (a claim other instances respect).
-- payment_ref is known once the gateway answered. released_at: the order's stock and quota were given back (a
-- declined or failed payment); deal.sold counts exactly the orders without it.
ALTER TABLE purchase_order
    MODIFY payment_ref VARCHAR(64) NULL,
    ADD COLUMN expires_at      DATETIME(6) NULL AFTER created_at,
    ADD COLUMN released_at     DATETIME(6) NULL AFTER closed_at,
    ADD KEY ix_order_reserved (status, expires_at);

-- deal.sold is stock taken by reservations (never above max_quantity); deal.confirmed is the coupons of orders whose
-- payment was approved, counted until the deal tips (after that a paid order leaves the hot row alone). The tipping
-- point counts confirmed coupons: a reservation whose card is declined never tips a deal.
ALTER TABLE deal ADD COLUMN confirmed INT NOT NULL DEFAULT 0 AFTER sold;
UPDATE deal d SET d.confirmed = COALESCE((SELECT SUM(o.quantity) FROM purchase_order o
                                          WHERE o.tenant_id = d.tenant_id AND o.deal_id = d.id), 0);

-- A movement of money the product owes the gateway: CAPTURE (a tipped deal's authorised order), CANCEL (void the
-- authorisation of a failed or cancelled deal's order) or REFUND (a coupon, or what a cancelled deal's order had
-- left). One per (order, kind, reference), so a retried cause never asks twice; the gateway is idempotent besides.
-- Carried out in id order per order (a refund never overtakes its capture).
CREATE TABLE payment_task (
    id              BIGINT         NOT NULL AUTO_INCREMENT,
    tenant_id       CHAR(26)       NOT NULL,
    order_id        CHAR(26)       NOT NULL,
    kind            VARCHAR(16)    NOT NULL,
    reference       VARCHAR(80)    NOT NULL,
    amount          DECIMAL(15, 3) NULL,
    status          VARCHAR(8)     NOT NULL,
    attempts        INT            NOT NULL DEFAULT 0,
    next_attempt_at DATETIME(6)    NOT NULL,
    last_error      VARCHAR(500)   NULL,
    created_at      DATETIME(6)    NOT NULL,
    done_at         DATETIME(6)    NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_payment_task (order_id, kind, reference),
    KEY ix_payment_task_due (status, next_attempt_at)
) ENGINE = InnoDB;
