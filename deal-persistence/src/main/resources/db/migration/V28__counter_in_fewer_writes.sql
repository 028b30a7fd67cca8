-- A redemption at the counter in fewer writes (issue 14): the Idempotency-Key is kept in the REDEEM event's row and
-- the dashboard's stale mark in the coupon's row, so a redemption writes two rows (the coupon, its event) instead of
-- four (the key, the coupon, the mark, the event).

-- The key of POST /counter/redemptions, one answer per key: a second REDEEM event with the same key of the same
-- account is refused by this unique key (NULL for events without a key: undo events and redemptions sent without
-- one). The request a key stood for is the event's coupon and store (a code names one coupon of the tenant).
ALTER TABLE redemption_event
    ADD COLUMN idempotency_key VARCHAR(128) NULL,
    ADD UNIQUE KEY uk_redemption_event_key (tenant_id, account_id, idempotency_key);

-- The keys used so far go with their redemptions (a key was only ever committed with its redemption's event).
UPDATE redemption_event e
    JOIN counter_request r ON r.tenant_id = e.tenant_id AND r.redemption_id = e.id
SET e.idempotency_key = r.idempotency_key
WHERE e.kind = 'REDEEM';

DROP TABLE counter_request;

-- The dashboard's stale mark of a redemption (HourSummaries): the id of a change of the coupon that the summaries of
-- its hours may not count yet, set by the redeeming UPDATE itself; the summary job reads it before it builds the
-- coupon's hours and clears it afterwards only while it is still the one it read. Other changes of coupons (refunds,
-- expiry, undo, sales) still insert rows of dashboard_stale_hour. The index holds the coupon's hours, so the job and
-- the dashboard find a tenant's marked hours without reading a coupon row.
ALTER TABLE coupon
    ADD COLUMN summary_mark CHAR(26) NULL,
    ADD KEY ix_coupon_summary_mark (tenant_id, summary_mark, created_quarter, redeemed_quarter);
