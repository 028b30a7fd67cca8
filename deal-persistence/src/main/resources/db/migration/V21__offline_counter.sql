-- The counter on a phone: a coupon redeemed on a phone without a connection is sent when the phone is back online.
-- The coupon row still decides one redemption per coupon (the same conditional UPDATE). When the coupon was redeemed
-- elsewhere meanwhile (or refunded, voided, expired), the phone's redemption cannot happen: it is recorded here, beside
-- the redemption that won, as a double use for the merchant to settle with the buyer. Never updated or deleted.
-- client_id is the phone's id of its offline redemption (the Idempotency-Key it sends), one record per account and id,
-- so a phone that sends its queue twice records a double use once.
CREATE TABLE double_use (
    tenant_id           CHAR(26)     NOT NULL,
    id                  CHAR(26)     NOT NULL,
    account_id          CHAR(26)     NOT NULL,
    client_id           VARCHAR(128) NOT NULL,
    coupon_id           CHAR(26)     NOT NULL,
    store_id            CHAR(26)     NOT NULL,
    redeemed_offline_at DATETIME(6)  NOT NULL,
    recorded_at         DATETIME(6)  NOT NULL,
    reason              VARCHAR(32)  NOT NULL,
    other_store_id      CHAR(26)     NULL,
    other_redeemed_at   DATETIME(6)  NULL,
    PRIMARY KEY (tenant_id, id),
    UNIQUE KEY uk_double_use_client (tenant_id, account_id, client_id),
    KEY ix_double_use_recorded (tenant_id, recorded_at),
    KEY ix_double_use_coupon (tenant_id, coupon_id)
) ENGINE = InnoDB;
