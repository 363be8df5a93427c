-- programs: real-name post subsidies (以岗定补, 在岗享受, 离岗取消; plan 16). The monthly
-- amount of each hardship tier of a place, per organisation (a post takes its organisation's
-- amount, else the nearest ancestor's); the post register (a registered person by ID number,
-- the post, the place and its tier, from/to, the salary account encrypted like the others);
-- the month each person was claimed by a cycle (a person is paid once a month whatever the
-- cycle); the posts a cycle flagged and did not pay (the same ID number in two posts at once,
-- a person no longer in post or no longer in the register).
CREATE TABLE programs_post_tier (
    organisation_id BIGINT      NOT NULL REFERENCES organisation (id),
    tier            SMALLINT    NOT NULL CHECK (tier BETWEEN 1 AND 5),
    monthly_fen     BIGINT      NOT NULL CHECK (monthly_fen > 0),
    updated_by      VARCHAR(50) NOT NULL,
    updated_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (organisation_id, tier)
);

CREATE TABLE programs_post (
    id               BIGSERIAL    PRIMARY KEY,
    organisation_id  BIGINT       NOT NULL REFERENCES organisation (id),
    household_id     BIGINT       NOT NULL,
    member_id        BIGINT       NOT NULL,
    person_hash      CHAR(64)     NOT NULL,
    person_name      VARCHAR(50)  NOT NULL,
    id_number_masked VARCHAR(18)  NOT NULL,
    post_name        VARCHAR(100) NOT NULL,
    place            VARCHAR(100) NOT NULL,
    tier             SMALLINT     NOT NULL CHECK (tier BETWEEN 1 AND 5),
    from_date        DATE         NOT NULL,
    to_date          DATE,
    end_reason       VARCHAR(200),
    bank_name        VARCHAR(100) NOT NULL,
    account_masked   VARCHAR(40)  NOT NULL,
    account_hash     CHAR(64)     NOT NULL,
    account_enc      TEXT         NOT NULL,
    created_by       VARCHAR(50)  NOT NULL,
    created_at       TIMESTAMPTZ  NOT NULL DEFAULT now(),
    ended_by         VARCHAR(50),
    ended_at         TIMESTAMPTZ,
    version          INTEGER      NOT NULL DEFAULT 0,
    CONSTRAINT programs_post_dates CHECK (to_date IS NULL OR to_date >= from_date)
);
CREATE INDEX programs_post_org_idx ON programs_post (organisation_id, id);
CREATE INDEX programs_post_person_idx ON programs_post (person_hash);

CREATE TABLE programs_post_month (
    person_hash CHAR(64) NOT NULL,
    month       DATE     NOT NULL,
    cycle_id    BIGINT   NOT NULL REFERENCES programs_cycle (id),
    post_id     BIGINT   NOT NULL REFERENCES programs_post (id),
    PRIMARY KEY (person_hash, month)
);
CREATE INDEX programs_post_month_cycle_idx ON programs_post_month (cycle_id);

CREATE TABLE programs_post_flag (
    cycle_id  BIGINT      NOT NULL REFERENCES programs_cycle (id),
    post_id   BIGINT      NOT NULL REFERENCES programs_post (id),
    kind      VARCHAR(16) NOT NULL
              CHECK (kind IN ('DUPLICATE', 'NOT_IN_POST', 'NOT_IN_REGISTER', 'PAID_ELSEWHERE', 'NO_AMOUNT')),
    month     DATE        NOT NULL,
    PRIMARY KEY (cycle_id, post_id)
);
