-- A deal's photos. The cap of 10 per deal is the database's: each photo takes one of the deal's slots 0..9, a slot is
-- unique per deal and the CHECK bounds it, so parallel uploads can never take an eleventh (the loser of a slot tries
-- the next, and with none left the upload is refused). The order shown is `position` (the lowest is the cover), kept
-- apart from the slot so that reordering never moves a unique value. width and height are those of the `large`
-- rendition; the others are the same picture scaled to fit their box.
CREATE TABLE deal_photo (
    tenant_id  CHAR(26)    NOT NULL,
    id         CHAR(26)    NOT NULL,
    deal_id    CHAR(26)    NOT NULL,
    slot       TINYINT     NOT NULL,
    position   INT         NOT NULL,
    width      INT         NOT NULL,
    height     INT         NOT NULL,
    created_at DATETIME(6) NOT NULL,
    PRIMARY KEY (tenant_id, id),
    UNIQUE KEY uq_deal_photo_slot (tenant_id, deal_id, slot),
    KEY ix_deal_photo_id (id),
    KEY ix_deal_photo_deal (deal_id, position),
    CONSTRAINT ck_deal_photo_slot CHECK (slot BETWEEN 0 AND 9),
    CONSTRAINT fk_deal_photo_deal FOREIGN KEY (tenant_id, deal_id) REFERENCES deal (tenant_id, id)
);

-- The bytes of media when DEAL_MEDIA_STORE=database (the default): one row per stored object, by its key
-- (photos/<photo id>/<size>.jpg). Other stores (a folder, S3) leave this table empty.
CREATE TABLE media_object (
    object_key   VARCHAR(200) NOT NULL,
    content_type VARCHAR(64)  NOT NULL,
    bytes        MEDIUMBLOB   NOT NULL,
    created_at   DATETIME(6)  NOT NULL,
    PRIMARY KEY (object_key)
);
