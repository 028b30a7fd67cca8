-- Mail operations: the operator lists the outbox by status (newest first) and sends failed mails again; sent mails
-- are deleted once DEAL_MAIL_RETENTION has passed, since their bodies hold coupon codes.

-- The operator's list: WHERE status = ? ORDER BY created_at DESC.
CREATE INDEX ix_outbox_status_created ON mail_outbox (status, created_at);
-- The retention job: WHERE status = 'SENT' AND sent_at < ? ... LIMIT, so a run reads only what it deletes.
CREATE INDEX ix_outbox_sent ON mail_outbox (status, sent_at);

-- last_error is shown to the operator from now on, and held the mail library's raw message until now (the mail
-- server's host and port among it): keep only that an attempt failed; the server log has the details.
UPDATE mail_outbox SET last_error = 'The mail was not sent; the server log has the details.' WHERE last_error IS NOT NULL;
