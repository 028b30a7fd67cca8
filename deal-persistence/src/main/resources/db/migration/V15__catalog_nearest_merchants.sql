-- "Deals near me" ranks merchants from the nearest store outwards and reads only the ids of the deals of the merchants
-- it reaches (CatalogRepository, NearestDeals): this index answers "the published deals of this merchant" from the
-- index alone (the key holds tenant_id, status and, as every secondary key, the primary key's id), without a deal row.
CREATE INDEX ix_deal_tenant_status ON deal (tenant_id, status);
