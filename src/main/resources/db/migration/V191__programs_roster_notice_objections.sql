-- Objections to a roster's public notice sent from the public page, and the per-address hourly
-- allowance that limits them (addresses kept only as SHA-256 hashes).
CREATE TABLE programs_notice_objection (
    id          BIGSERIAL     PRIMARY KEY,
    notice_id   BIGINT        NOT NULL REFERENCES programs_roster_notice (id),
    row_no      INTEGER       NOT NULL,
    name        VARCHAR(50),
    contact     VARCHAR(100),
    text        VARCHAR(2000) NOT NULL,
    received_at TIMESTAMPTZ   NOT NULL,
    FOREIGN KEY (notice_id, row_no) REFERENCES programs_roster_notice_row (notice_id, row_no)
);
CREATE INDEX programs_notice_objection_notice_idx ON programs_notice_objection (notice_id, id);

CREATE TABLE programs_objection_rate (
    client_key   CHAR(64)    NOT NULL,
    window_start TIMESTAMPTZ NOT NULL,
    hits         INTEGER     NOT NULL,
    PRIMARY KEY (client_key, window_start)
);
