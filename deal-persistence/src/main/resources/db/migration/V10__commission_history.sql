-- The commission rates of each tenant and from when each applied: a statement uses the rate in force when each coupon
-- was redeemed, so a new rate never rewrites a past period. Written with every change, the current rate included;
-- tenant.commission_rate stays as the current one (the tenants page shows it).
CREATE TABLE commission_rate (
    tenant_id      CHAR(26)      NOT NULL,
    effective_from DATETIME(6)   NOT NULL,
    rate           DECIMAL(5, 4) NOT NULL,
    PRIMARY KEY (tenant_id, effective_from),
    CONSTRAINT fk_commission_rate_tenant FOREIGN KEY (tenant_id) REFERENCES tenant (id)
) ENGINE = InnoDB;

-- The rate that each tenant has now is all that is known of its past: it applies from the tenant's creation.
INSERT INTO commission_rate (tenant_id, effective_from, rate)
SELECT id, created_at, commission_rate FROM tenant;
