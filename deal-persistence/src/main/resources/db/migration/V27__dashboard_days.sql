-- A 30-day dashboard read about 14,000 hour summaries twice (by hour and currency, by deal) and 3,600 by store (V16).
-- These three summaries are sums of the V16 hour summaries, built by the same job pass in the same transaction as
-- the hours they sum (HourSummaries.build and buildDays), so each of their rows always equals the sum of the
-- dashboard_hour / dashboard_hour_store rows it covers. The dashboard uses them only where it would use every one of
-- those hour rows (no hour stale, unsummarised or live; DashboardHours.split), so its figures stay what counting the
-- coupons gives. No purchase or redemption writes them.

-- A summarised hour's sales and redemptions per currency, all deals together: the by-day figures (about 720 rows for
-- 30 days instead of about 14,000), read in key order and summed by the tenant's day in Java.
CREATE TABLE dashboard_hour_sales (
    tenant_id        CHAR(26)       NOT NULL,
    hour             INT            NOT NULL,
    currency         CHAR(3)        NOT NULL,
    sold             INT            NOT NULL,
    refunded         INT            NOT NULL,
    redeemed_of_sold INT            NOT NULL,
    revenue          DECIMAL(19, 3) NOT NULL,
    redeemed         INT            NOT NULL,
    PRIMARY KEY (tenant_id, hour, currency)
) ENGINE = InnoDB;

-- A UTC day's (day: hour DIV 24, 24 whole hours) figures per deal, all currencies together as the top deals sum them:
-- sold, revenue, redeemed in the day. The period's whole UTC days come from here, its other hours from dashboard_hour.
CREATE TABLE dashboard_day (
    tenant_id CHAR(26)       NOT NULL,
    day       INT            NOT NULL,
    deal_id   CHAR(26)       NOT NULL,
    sold      INT            NOT NULL,
    revenue   DECIMAL(19, 3) NOT NULL,
    redeemed  INT            NOT NULL,
    PRIMARY KEY (tenant_id, day, deal_id)
) ENGINE = InnoDB;

-- A UTC day's redemptions per store.
CREATE TABLE dashboard_day_store (
    tenant_id CHAR(26) NOT NULL,
    day       INT      NOT NULL,
    store_id  CHAR(26) NOT NULL,
    redeemed  INT      NOT NULL,
    PRIMARY KEY (tenant_id, day, store_id)
) ENGINE = InnoDB;

-- The hours summarised already: their sums, so that every row above equals its hours from the start.
INSERT INTO dashboard_hour_sales (tenant_id, hour, currency, sold, refunded, redeemed_of_sold, revenue, redeemed)
SELECT tenant_id, hour, currency, SUM(sold), SUM(refunded), SUM(redeemed_of_sold), SUM(revenue), SUM(redeemed)
FROM dashboard_hour GROUP BY tenant_id, hour, currency;

INSERT INTO dashboard_day (tenant_id, day, deal_id, sold, revenue, redeemed)
SELECT tenant_id, hour DIV 24, deal_id, SUM(sold), SUM(revenue), SUM(redeemed)
FROM dashboard_hour GROUP BY tenant_id, hour DIV 24, deal_id;

INSERT INTO dashboard_day_store (tenant_id, day, store_id, redeemed)
SELECT tenant_id, hour DIV 24, store_id, SUM(redeemed)
FROM dashboard_hour_store GROUP BY tenant_id, hour DIV 24, store_id;
