-- Moderation (issue 17): the operator decides per tenant whether its deals are reviewed before they go live. Tenants
-- that exist keep publishing as before (FALSE); the domain makes every new tenant moderated (Tenant's constructor).
ALTER TABLE tenant ADD COLUMN moderated BOOLEAN NOT NULL DEFAULT FALSE;

-- A deal of a moderated tenant waits IN_REVIEW from submitted_at; the operator's decision is kept with who made it
-- and when, and a rejected deal (back to DRAFT) carries the reason until it is published again.
ALTER TABLE deal
    ADD COLUMN submitted_at DATETIME(6) NULL,
    ADD COLUMN reviewed_at DATETIME(6) NULL,
    ADD COLUMN reviewed_by CHAR(26) NULL,
    ADD COLUMN rejection VARCHAR(1000) NULL;
