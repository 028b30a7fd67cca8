-- A store that history still names (a deal's store list, a redemption) is archived instead of deleted: its row stays
-- so that past deals keep their list and the history keeps its name, but it leaves every list and choice.
ALTER TABLE store ADD COLUMN archived_at DATETIME(6) NULL AFTER time_zone;

-- Deleting a store used to remove it from every deal's store list through the cascade, and a deal whose list became
-- empty was then valid at every store (an empty list means all of them). The database now refuses to delete a store
-- that a deal names, whatever runs in parallel: only a deal edit removes a store from its own list.
ALTER TABLE deal_store DROP FOREIGN KEY fk_deal_store_store;
ALTER TABLE deal_store ADD CONSTRAINT fk_deal_store_store FOREIGN KEY (tenant_id, store_id)
    REFERENCES store (tenant_id, id) ON DELETE RESTRICT;

-- The catalog leaves archived stores out; with archived_at in the index its "near me" prefilter still reads the index
-- only, never a store row.
ALTER TABLE store
    DROP KEY ix_store_lat_lng,
    ADD KEY ix_store_lat_lng (latitude, longitude, tenant_id, id, archived_at);
