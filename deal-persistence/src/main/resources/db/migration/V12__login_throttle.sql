-- Throttling of logins, sign-ups and the counter's guessing protection: one row per subject (an email's logins, a
-- client address, an account at the counter) with its current window, in the database so that every server instance
-- counts the same attempts. A row is locked while an attempt is counted, so parallel attempts are counted one after
-- the other. Subjects are ASCII (emails only as their SHA-256); rows of windows long over are deleted by a timer.
CREATE TABLE throttle (
    subject      VARCHAR(100) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    window_start DATETIME(6)  NOT NULL,
    attempts     INT          NOT NULL,
    PRIMARY KEY (subject),
    KEY ix_throttle_window_start (window_start)
) ENGINE = InnoDB;

-- The counter's failures so far become the accounts' windows (the window opened with the oldest failure).
INSERT INTO throttle (subject, window_start, attempts)
SELECT CONCAT('counter:', account_id), MIN(failed_at), COUNT(*) FROM counter_failure GROUP BY account_id;

DROP TABLE counter_failure;
