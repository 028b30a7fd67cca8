-- The merchant dashboard reads a tenant's coupons by the time they were sold and by the time they were redeemed,
-- for any period. Both indexes cover every column those queries read, so a period is one range scan of an index and
-- no coupon row is visited: the figures stay derived from the coupons (nothing to rebuild, no summary row that every
-- purchase of a popular deal would have to update).
ALTER TABLE coupon
    ADD KEY ix_coupon_sales (tenant_id, created_at, status, currency, price, deal_id),
    ADD KEY ix_coupon_redemptions (tenant_id, redeemed_at, status, redeemed_store_id, deal_id, currency, price),
    DROP KEY ix_coupon_redeemed;
