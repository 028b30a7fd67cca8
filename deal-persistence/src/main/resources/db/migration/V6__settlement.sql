-- Settlement statements and redemption figures read the tenant's redeemed coupons by the time they were redeemed.
ALTER TABLE coupon ADD KEY ix_coupon_redeemed (tenant_id, redeemed_at);
