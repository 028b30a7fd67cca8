-- Deals (group-buying campaigns) and the tables of what is sold and redeemed, so that every figure of a deal's
-- report is counted from these rows and never from a stored copy.

CREATE TABLE deal (
    tenant_id             CHAR(26)       NOT NULL,
    id                    CHAR(26)       NOT NULL,
    title                 VARCHAR(120)   NOT NULL,
    description           TEXT           NOT NULL,
    fine_print            TEXT           NOT NULL,
    currency              CHAR(3)        NULL,
    price                 DECIMAL(15, 3) NULL,
    original_value        DECIMAL(15, 3) NULL,
    min_buyers            INT            NOT NULL DEFAULT 1,
    max_quantity          INT            NULL,
    per_buyer_limit       INT            NULL,
    sales_start           DATETIME(6)    NULL,
    sales_end             DATETIME(6)    NULL,
    coupon_valid_until    DATETIME(6)    NULL,
    refund_policy         VARCHAR(16)    NOT NULL DEFAULT 'NONE',
    auto_refund_on_expiry BOOLEAN        NOT NULL DEFAULT FALSE,
    status                VARCHAR(16)    NOT NULL,
    -- The stock counter: raised by one conditional UPDATE per sale (sold + q <= max_quantity), never read-then-written.
    sold                  INT            NOT NULL DEFAULT 0,
    tipped_at             DATETIME(6)    NULL,
    published_at          DATETIME(6)    NULL,
    closed_at             DATETIME(6)    NULL,
    created_at            DATETIME(6)    NOT NULL,
    version               INT            NOT NULL DEFAULT 0,
    PRIMARY KEY (tenant_id, id),
    KEY ix_deal_id (id),
    KEY ix_deal_tenant_created (tenant_id, created_at),
    KEY ix_deal_status_start (status, sales_start),
    KEY ix_deal_status_end (status, sales_end),
    CONSTRAINT fk_deal_tenant FOREIGN KEY (tenant_id) REFERENCES tenant (id)
) ENGINE = InnoDB;

-- The stores where a deal's coupons can be redeemed; none means every store of the tenant.
CREATE TABLE deal_store (
    tenant_id CHAR(26) NOT NULL,
    deal_id   CHAR(26) NOT NULL,
    store_id  CHAR(26) NOT NULL,
    PRIMARY KEY (tenant_id, deal_id, store_id),
    KEY ix_deal_store_store (tenant_id, store_id),
    CONSTRAINT fk_deal_store_deal FOREIGN KEY (tenant_id, deal_id) REFERENCES deal (tenant_id, id) ON DELETE CASCADE,
    CONSTRAINT fk_deal_store_store FOREIGN KEY (tenant_id, store_id) REFERENCES store (tenant_id, id) ON DELETE CASCADE
) ENGINE = InnoDB;

-- The catalog's "deals near me" prefilters stores on a bounding box of these columns, then computes the exact
-- distance: an index range, not a scan of every store.
CREATE INDEX ix_store_lat_lng ON store (latitude, longitude, tenant_id, id);
DROP INDEX ix_store_location ON store;

-- One coupon per unit bought. Filled by the purchasing release; the deal report counts from here already.
CREATE TABLE coupon (
    tenant_id          CHAR(26)       NOT NULL,
    id                 CHAR(26)       NOT NULL,
    deal_id            CHAR(26)       NOT NULL,
    order_id           CHAR(26)       NOT NULL,
    buyer_id           CHAR(26)       NOT NULL,
    code               CHAR(13)       NOT NULL,
    status             VARCHAR(16)    NOT NULL,
    price              DECIMAL(15, 3) NOT NULL,
    currency           CHAR(3)        NOT NULL,
    valid_until        DATETIME(6)    NOT NULL,
    created_at         DATETIME(6)    NOT NULL,
    redeemed_at        DATETIME(6)    NULL,
    redeemed_store_id  CHAR(26)       NULL,
    refunded_at        DATETIME(6)    NULL,
    PRIMARY KEY (tenant_id, id),
    UNIQUE KEY uk_coupon_code (tenant_id, code),
    KEY ix_coupon_deal (tenant_id, deal_id, status),
    CONSTRAINT fk_coupon_deal FOREIGN KEY (tenant_id, deal_id) REFERENCES deal (tenant_id, id)
) ENGINE = InnoDB;
