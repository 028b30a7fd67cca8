-- The confirmation mail of a purchase is written when it is delivered, not inside the purchase: the confirm
-- transaction queues only its cause (the order, in cause_key), recipient and subject, and what to render (render:
-- the order's state when it was confirmed, so the mail says what it said before). Its bodies stay NULL until the
-- delivery renders them; every other mail is written whole, as before, with render NULL.
ALTER TABLE mail_outbox
    MODIFY text_body MEDIUMTEXT NULL,
    MODIFY html_body MEDIUMTEXT NULL,
    ADD COLUMN render VARCHAR(32) NULL AFTER qr_codes;
