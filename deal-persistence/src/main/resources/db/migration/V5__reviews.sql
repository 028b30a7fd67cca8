-- Reviews: one per redeemed coupon (the unique key decides), written by its buyer; the merchant replies once.
CREATE TABLE review (
    tenant_id  CHAR(26)      NOT NULL,
    id         CHAR(26)      NOT NULL,
    coupon_id  CHAR(26)      NOT NULL,
    deal_id    CHAR(26)      NOT NULL,
    buyer_id   CHAR(26)      NOT NULL,
    rating     TINYINT       NOT NULL,
    comment    VARCHAR(2000) NOT NULL,
    created_at DATETIME(6)   NOT NULL,
    reply      VARCHAR(2000) NULL,
    replied_at DATETIME(6)   NULL,
    PRIMARY KEY (tenant_id, id),
    UNIQUE KEY uk_review_coupon (tenant_id, coupon_id),
    KEY ix_review_deal (tenant_id, deal_id, created_at),
    KEY ix_review_tenant_time (tenant_id, created_at),
    KEY ix_review_public (deal_id, created_at),
    KEY ix_review_buyer (buyer_id),
    CONSTRAINT ck_review_rating CHECK (rating BETWEEN 1 AND 5)
) ENGINE = InnoDB;

-- A deal's rating, derived from its reviews (rebuildable: SUM and COUNT over review), kept beside the deal row rather
-- than in it so that a review never waits on the row that every purchase of the deal updates.
CREATE TABLE deal_rating (
    tenant_id    CHAR(26) NOT NULL,
    deal_id      CHAR(26) NOT NULL,
    reviews      INT      NOT NULL,
    rating_total INT      NOT NULL,
    PRIMARY KEY (tenant_id, deal_id),
    KEY ix_deal_rating_deal (deal_id)
) ENGINE = InnoDB;
