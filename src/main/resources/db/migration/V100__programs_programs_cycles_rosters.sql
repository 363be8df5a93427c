-- Programs (issue 14, M9): assistance programs (versioned like rule sets), their cycles and the
-- payment rosters (发放名册) cycles produce. Reads identification_facts, registry_household and
-- registry_member in SQL (documented read-only dependencies); never writes them.

CREATE TABLE programs_program (
    id              BIGSERIAL    PRIMARY KEY,
    code            VARCHAR(40)  NOT NULL,
    version         INTEGER      NOT NULL,
    organisation_id BIGINT       NOT NULL REFERENCES organisation (id),
    status          VARCHAR(8)   NOT NULL DEFAULT 'DRAFT' CHECK (status IN ('DRAFT', 'ACTIVE', 'ENDED')),
    shipped         BOOLEAN      NOT NULL DEFAULT FALSE,
    name_zh         VARCHAR(100) NOT NULL,
    form            VARCHAR(8)   NOT NULL CHECK (form IN ('CASH', 'GOODS', 'VOUCHER', 'SERVICE')),
    schedule        VARCHAR(100),
    fund_code       VARCHAR(40),
    content         JSONB        NOT NULL,
    created_by      VARCHAR(50)  NOT NULL,
    created_at      TIMESTAMPTZ  NOT NULL DEFAULT now(),
    activated_by    VARCHAR(50),
    activated_at    TIMESTAMPTZ,
    ended_at        TIMESTAMPTZ,
    UNIQUE (code, version)
);
-- at most one version of a program in force
CREATE UNIQUE INDEX programs_program_one_active_uq ON programs_program (code) WHERE status = 'ACTIVE';
-- at most one draft per program
CREATE UNIQUE INDEX programs_program_one_draft_uq ON programs_program (code) WHERE status = 'DRAFT';

-- A cycle: one run of a program for a period. A program is paid once per period key, whichever
-- version ran it (unique on the code).
CREATE TABLE programs_cycle (
    id              BIGSERIAL    PRIMARY KEY,
    program_id      BIGINT       NOT NULL REFERENCES programs_program (id),
    program_code    VARCHAR(40)  NOT NULL,
    organisation_id BIGINT       NOT NULL REFERENCES organisation (id),
    label           VARCHAR(100) NOT NULL,
    period_key      VARCHAR(40)  NOT NULL,
    period_from     DATE         NOT NULL,
    period_to       DATE         NOT NULL,
    pay_date        DATE         NOT NULL,
    months          INTEGER      NOT NULL CHECK (months >= 1),
    status          VARCHAR(10)  NOT NULL DEFAULT 'OPEN'
                    CHECK (status IN ('OPEN', 'GENERATING', 'GENERATED', 'SUBMITTED', 'APPROVED')),
    job_id          BIGINT,
    version         INTEGER      NOT NULL DEFAULT 0,
    created_by      BIGINT       NOT NULL,
    created_login   VARCHAR(50)  NOT NULL,
    created_at      TIMESTAMPTZ  NOT NULL DEFAULT now(),
    submitted_by    BIGINT,
    submitted_at    TIMESTAMPTZ,
    approved_by     BIGINT,
    approved_at     TIMESTAMPTZ,
    total_fen       BIGINT,
    line_count      INTEGER,
    CONSTRAINT programs_cycle_period CHECK (period_from <= period_to),
    CONSTRAINT programs_cycle_once_per_period UNIQUE (program_code, period_key)
);
CREATE INDEX programs_cycle_org_idx ON programs_cycle (organisation_id);

-- One line per beneficiary: a household (member_id NULL) or a person.
CREATE TABLE programs_roster_line (
    id               BIGSERIAL    PRIMARY KEY,
    cycle_id         BIGINT       NOT NULL REFERENCES programs_cycle (id),
    program_code     VARCHAR(40)  NOT NULL,
    pay_year         INTEGER      NOT NULL,
    household_id     BIGINT       NOT NULL,
    organisation_id  BIGINT       NOT NULL,
    region_code      VARCHAR(12)  NOT NULL,
    member_id        BIGINT,
    person_hash      CHAR(64),
    rule_row         INTEGER      NOT NULL,
    facts            JSONB        NOT NULL,
    computed_fen     BIGINT       NOT NULL CHECK (computed_fen >= 0),
    amount_fen       BIGINT       NOT NULL CHECK (amount_fen >= 0),
    range_min_fen    BIGINT,
    range_max_fen    BIGINT,
    max_fen          BIGINT       NOT NULL,
    capped           BOOLEAN      NOT NULL DEFAULT FALSE,
    second_grant     BOOLEAN      NOT NULL DEFAULT FALSE,
    payee_name       VARCHAR(50)  NOT NULL,
    id_number_masked VARCHAR(18),
    bank_name        VARCHAR(100),
    account_masked   VARCHAR(40),
    account_hash     CHAR(64),
    account_enc      TEXT,
    account_status   VARCHAR(10)  NOT NULL CHECK (account_status IN ('OK', 'MISSING', 'NOT_NEEDED')),
    status           VARCHAR(12)  NOT NULL CHECK (status IN ('PROPOSED', 'NEEDS_REASON', 'EDITED', 'REMOVED')),
    reason           VARCHAR(500),
    edited_by        BIGINT,
    edited_login     VARCHAR(50),
    edited_at        TIMESTAMPTZ,
    version          INTEGER      NOT NULL DEFAULT 0
);
-- never twice: a household once per cycle, a person once per cycle
CREATE UNIQUE INDEX programs_line_household_uq ON programs_roster_line (cycle_id, household_id) WHERE member_id IS NULL;
CREATE UNIQUE INDEX programs_line_person_uq ON programs_roster_line (cycle_id, person_hash) WHERE member_id IS NOT NULL;
CREATE INDEX programs_line_cycle_idx ON programs_roster_line (cycle_id, id);
CREATE INDEX programs_line_household_idx ON programs_roster_line (household_id);
CREATE INDEX programs_line_year_idx ON programs_roster_line (program_code, pay_year, household_id);

-- A person's own account for per-person money (一卡通: the person's bank card or the bank
-- account of their social security card), recorded by the finance officer.
CREATE TABLE programs_member_account (
    member_id      BIGINT       PRIMARY KEY,
    bank_name      VARCHAR(100) NOT NULL,
    account_masked VARCHAR(40)  NOT NULL,
    account_hash   CHAR(64)     NOT NULL,
    account_enc    TEXT         NOT NULL,
    recorded_by    VARCHAR(50)  NOT NULL,
    recorded_at    TIMESTAMPTZ  NOT NULL DEFAULT now()
);
