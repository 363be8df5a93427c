-- programs: goods, vouchers and services handed over line by line (issue 14), and the public
-- notice (公示) of a roster where its program asks for one.
--
-- A roster line is handed over once (the line is the key): to the beneficiary or a named proxy
-- with the relation, at a delivery point, by a staff member, with the recipient's confirmation
-- (a signature image or photo in the file store); or recorded as not handed over with a reason.
CREATE TABLE programs_handover (
    roster_line_id    BIGINT       PRIMARY KEY REFERENCES programs_roster_line (id),
    cycle_id          BIGINT       NOT NULL REFERENCES programs_cycle (id),
    household_id      BIGINT       NOT NULL,
    organisation_id   BIGINT       NOT NULL,
    region_code       VARCHAR(12)  NOT NULL,
    outcome           VARCHAR(12)  NOT NULL CHECK (outcome IN ('HANDED_OVER', 'REFUSED', 'MOVED', 'DECEASED')),
    item              VARCHAR(200) NOT NULL,
    delivery_point    VARCHAR(100),
    recipient_name    VARCHAR(50),
    proxy             BOOLEAN      NOT NULL DEFAULT FALSE,
    proxy_relation    VARCHAR(30),
    confirmation_key  VARCHAR(200),
    confirmation_type VARCHAR(40),
    note              VARCHAR(500),
    handed_at         TIMESTAMPTZ  NOT NULL,
    staff_id          BIGINT       NOT NULL,
    staff_login       VARCHAR(50)  NOT NULL,
    staff_name        VARCHAR(100),
    CONSTRAINT programs_handover_confirmed CHECK ((outcome = 'HANDED_OVER') = (recipient_name IS NOT NULL AND confirmation_key IS NOT NULL)),
    CONSTRAINT programs_handover_proxy CHECK (NOT proxy OR proxy_relation IS NOT NULL)
);
CREATE INDEX programs_handover_household_idx ON programs_handover (household_id);
CREATE INDEX programs_handover_cycle_idx ON programs_handover (cycle_id);

-- What the public sees of a roster, copied at publication: masked names, village, amount; never
-- ID numbers or accounts. One notice per cycle.
CREATE TABLE programs_roster_notice (
    id                BIGSERIAL    PRIMARY KEY,
    cycle_id          BIGINT       NOT NULL UNIQUE REFERENCES programs_cycle (id),
    organisation_id   BIGINT       NOT NULL,
    organisation_name VARCHAR(100) NOT NULL,
    title             VARCHAR(200) NOT NULL,
    period_days       INTEGER      NOT NULL CHECK (period_days BETWEEN 1 AND 60),
    working_days      BOOLEAN      NOT NULL,
    starts_on         DATE         NOT NULL,
    ends_on           DATE         NOT NULL,
    line_count        INTEGER      NOT NULL,
    total_fen         BIGINT       NOT NULL,
    published_at      TIMESTAMPTZ  NOT NULL,
    published_by_id   BIGINT       NOT NULL,
    published_by      VARCHAR(50)  NOT NULL
);
CREATE INDEX programs_roster_notice_ends_idx ON programs_roster_notice (ends_on);

CREATE TABLE programs_roster_notice_row (
    notice_id    BIGINT       NOT NULL REFERENCES programs_roster_notice (id),
    row_no       INTEGER      NOT NULL,
    display_name VARCHAR(60)  NOT NULL,
    village      VARCHAR(100),
    amount_fen   BIGINT       NOT NULL,
    PRIMARY KEY (notice_id, row_no)
);
