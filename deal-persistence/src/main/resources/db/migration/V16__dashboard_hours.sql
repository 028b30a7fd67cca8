-- The dashboard of a large business reads summaries of the hours that are over instead of every coupon (see
-- DashboardHours, HourSummaries and StaleHours). An hour is a UTC hour since the epoch (created_quarter DIV 4).
-- A purchase or a redemption never updates these rows: a job builds them from the coupons, and a change of a coupon
-- whose hour may be summarised already only inserts a row into dashboard_stale_hour (its own new row, no contention).

-- Per tenant: the hours before summarised_until have been summarised (those with a stale mark are read live until
-- they are built again). The job claims a tenant by locking this row (FOR UPDATE SKIP LOCKED).
CREATE TABLE dashboard_summary (
    tenant_id        CHAR(26)    NOT NULL,
    summarised_until INT         NOT NULL,
    built_at         DATETIME(6) NOT NULL,
    PRIMARY KEY (tenant_id)
) ENGINE = InnoDB;

-- Coupons of a deal and currency sold in the hour (not void): how many, refunded, redeemed by now, the revenue (paid
-- and not refunded); and how many of the deal's coupons were redeemed in the hour. The key's order lets the figures
-- by hour and currency be summed as the rows are read (no temporary table).
CREATE TABLE dashboard_hour (
    tenant_id        CHAR(26)       NOT NULL,
    hour             INT            NOT NULL,
    deal_id          CHAR(26)       NOT NULL,
    currency         CHAR(3)        NOT NULL,
    sold             INT            NOT NULL,
    refunded         INT            NOT NULL,
    redeemed_of_sold INT            NOT NULL,
    revenue          DECIMAL(19, 3) NOT NULL,
    redeemed         INT            NOT NULL,
    PRIMARY KEY (tenant_id, hour, currency, deal_id)
) ENGINE = InnoDB;

-- Coupons redeemed in the hour at a store.
CREATE TABLE dashboard_hour_store (
    tenant_id CHAR(26) NOT NULL,
    hour      INT      NOT NULL,
    store_id  CHAR(26) NOT NULL,
    redeemed  INT      NOT NULL,
    PRIMARY KEY (tenant_id, hour, store_id)
) ENGINE = InnoDB;

-- An hour whose summary a coupon change may have made stale, written in the transaction of the change. Each mark is
-- a new row (id: a fresh id), so two changes never wait on each other's mark; the job deletes exactly the marks it
-- read before it built the hour again.
CREATE TABLE dashboard_stale_hour (
    tenant_id CHAR(26) NOT NULL,
    hour      INT      NOT NULL,
    id        CHAR(26) NOT NULL,
    PRIMARY KEY (tenant_id, hour, id)
) ENGINE = InnoDB;
