-- Options of a deal ("for 1", "for 2", "family"): each with its own price, original value and cap. The buyer picks
-- one; the deal's own maxQuantity, per-buyer limit and tipping point still count the whole deal. A deal written
-- without options has one, made from its price, original value and maxQuantity, so every deal has at least one.
--
-- sold is the option's stock counter, raised by a conditional UPDATE per sale (sold + q <= max_quantity, max_quantity
-- NULL: only the deal's cap applies) in the same short transaction that raises deal.sold, and lowered where deal.sold
-- is (a reservation released). No foreign key from purchase_order to this table (see V3: a purchase's rows take no
-- shared lock on the rows it counts on); the foreign key to deal is checked only when an option is written (a draft
-- being edited), never when sold changes.
CREATE TABLE deal_option (
    tenant_id      CHAR(26)       NOT NULL,
    id             CHAR(26)       NOT NULL,
    deal_id        CHAR(26)       NOT NULL,
    position       INT            NOT NULL,
    title          VARCHAR(120)   NOT NULL,
    price          DECIMAL(15, 3) NULL,
    original_value DECIMAL(15, 3) NULL,
    max_quantity   INT            NULL,
    sold           INT            NOT NULL DEFAULT 0,
    PRIMARY KEY (tenant_id, id),
    KEY ix_deal_option_deal (tenant_id, deal_id, position),
    CONSTRAINT fk_deal_option_deal FOREIGN KEY (tenant_id, deal_id) REFERENCES deal (tenant_id, id) ON DELETE CASCADE
) ENGINE = InnoDB;

-- Every existing deal becomes a deal of one option with its terms and its sold count. The option takes the deal's id
-- (ids are opaque and unique per tenant; an option id equal to its deal's is never mistaken for the deal, since every
-- look-up of an option names its deal too), so existing orders point at it without a join.
INSERT INTO deal_option (tenant_id, id, deal_id, position, title, price, original_value, max_quantity, sold)
SELECT tenant_id, id, id, 0, title, price, original_value, max_quantity, sold FROM deal;

-- The option an order bought; an existing order bought its deal's only option.
ALTER TABLE purchase_order ADD COLUMN option_id CHAR(26) NULL AFTER deal_id;
UPDATE purchase_order SET option_id = deal_id;
ALTER TABLE purchase_order MODIFY option_id CHAR(26) NOT NULL;
