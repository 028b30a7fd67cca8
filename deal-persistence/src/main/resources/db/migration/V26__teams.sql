-- Team buys (拼团): a deal may offer a lower team price for a team of team_size buyers formed within
-- team_window_minutes. All three are NULL when the deal offers no team.
ALTER TABLE deal
    ADD COLUMN team_size           INT            NULL,
    ADD COLUMN team_price          DECIMAL(15, 3) NULL,
    ADD COLUMN team_window_minutes INT            NULL;

-- A team of one deal. member_count counts the seats taken (a seat is taken by a conditional update
-- member_count < size AND status = 'OPEN' AND expires_at > now, so a team never takes more than size); paid members
-- are counted from their orders. OPEN until every seat is paid (COMPLETE) or expires_at passes (FAILED).
-- settled: the job has nothing more to do for the team's orders (every one captured or voided).
CREATE TABLE team (
    tenant_id    CHAR(26)       NOT NULL,
    id           CHAR(26)       NOT NULL,
    deal_id      CHAR(26)       NOT NULL,
    option_id    CHAR(26)       NOT NULL,
    size         INT            NOT NULL,
    unit_price   DECIMAL(15, 3) NOT NULL,
    status       VARCHAR(10)    NOT NULL,
    member_count INT            NOT NULL,
    expires_at   DATETIME(6)    NOT NULL,
    created_at   DATETIME(6)    NOT NULL,
    closed_at    DATETIME(6)    NULL,
    settled      BOOLEAN        NOT NULL DEFAULT FALSE,
    PRIMARY KEY (tenant_id, id),
    UNIQUE KEY uk_team_id (id),
    KEY ix_team_deal (tenant_id, deal_id, status),
    KEY ix_team_due (status, expires_at),
    KEY ix_team_unsettled (settled, status),
    CONSTRAINT ck_team_seats CHECK (member_count >= 0 AND member_count <= size)
) ENGINE = InnoDB;

-- A member of a team with the order that pays the seat. open_seat is 1 while the team is OPEN and NULL after, so
-- the unique key (deal_id, buyer_id, open_seat) lets a buyer be in one open team per deal at a time (NULLs never
-- collide), whatever runs in parallel; (team_id, buyer_id) keeps a buyer from taking two seats of one team.
CREATE TABLE team_member (
    tenant_id CHAR(26)    NOT NULL,
    team_id   CHAR(26)    NOT NULL,
    deal_id   CHAR(26)    NOT NULL,
    buyer_id  CHAR(26)    NOT NULL,
    order_id  CHAR(26)    NOT NULL,
    joined_at DATETIME(6) NOT NULL,
    open_seat TINYINT     NULL,
    PRIMARY KEY (tenant_id, team_id, buyer_id),
    UNIQUE KEY uk_team_member_buyer (team_id, buyer_id),
    UNIQUE KEY uk_team_member_open (deal_id, buyer_id, open_seat),
    UNIQUE KEY uk_team_member_order (tenant_id, order_id),
    CONSTRAINT fk_team_member_team FOREIGN KEY (tenant_id, team_id) REFERENCES team (tenant_id, id) ON DELETE CASCADE,
    CONSTRAINT fk_team_member_buyer FOREIGN KEY (buyer_id) REFERENCES account (id)
) ENGINE = InnoDB;
