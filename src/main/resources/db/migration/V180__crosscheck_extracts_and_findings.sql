-- Cross-check (M6, 信息比对): extracts of other registries, matched against the register by the ID
-- number's keyed hash (never the clear number) and the name; each hit is a finding on a household.

CREATE TABLE crosscheck_extract (
    id              BIGSERIAL    PRIMARY KEY,
    organisation_id BIGINT       NOT NULL REFERENCES organisation (id),
    kind            VARCHAR(20)  NOT NULL CHECK (kind IN ('DIBAO', 'SOCIAL_INSURANCE', 'REAL_ESTATE', 'VEHICLE',
                                     'BUSINESS', 'DEATH', 'HOUSING_FUND')),
    source          VARCHAR(100) NOT NULL,
    as_of           DATE         NOT NULL,
    retain_until    DATE         NOT NULL,
    file_name       VARCHAR(200),
    row_count       INTEGER      NOT NULL DEFAULT 0,
    bad_rows        INTEGER      NOT NULL DEFAULT 0,
    finding_count   INTEGER      NOT NULL DEFAULT 0,
    status          VARCHAR(10)  NOT NULL DEFAULT 'MATCHED' CHECK (status IN ('MATCHED', 'PURGED')),
    imported_at     TIMESTAMPTZ  NOT NULL DEFAULT now(),
    imported_by     VARCHAR(50)  NOT NULL,
    purged_at       TIMESTAMPTZ
);
CREATE INDEX crosscheck_extract_org_idx ON crosscheck_extract (organisation_id);
CREATE INDEX crosscheck_extract_retain_idx ON crosscheck_extract (retain_until) WHERE status = 'MATCHED';

-- Rows of an extract as kept until its retention ends: the keyed hash of the ID number, the name, and
-- the one fact the kind carries. Written with COPY; no primary key (bulk); purged with the extract.
CREATE TABLE crosscheck_extract_row (
    extract_id  BIGINT        NOT NULL REFERENCES crosscheck_extract (id),
    line        BIGINT        NOT NULL,
    id_hash     CHAR(64)      NOT NULL,
    name        VARCHAR(50)   NOT NULL,
    head_hash   CHAR(64),
    sub_kind    VARCHAR(12),
    amount      NUMERIC(14, 2),
    item        VARCHAR(200),
    event_date  DATE
);
CREATE INDEX crosscheck_extract_row_extract_idx ON crosscheck_extract_row (extract_id);

CREATE TABLE crosscheck_finding (
    id           BIGSERIAL    PRIMARY KEY,
    extract_id   BIGINT       NOT NULL REFERENCES crosscheck_extract (id),
    household_id BIGINT       NOT NULL REFERENCES registry_household (id),
    member_id    BIGINT       NOT NULL REFERENCES registry_member (id),
    kind         VARCHAR(20)  NOT NULL CHECK (kind IN ('FILED_TWICE', 'MEMBER_DIED', 'VEHICLE', 'BUSINESS', 'SECOND_HOME',
                                  'PENSION_NOT_SHOWN', 'WAGE_NOT_SHOWN', 'DIBAO_ELSEWHERE')),
    evidence     JSONB        NOT NULL,
    status       VARCHAR(10)  NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN', 'CONFIRMED', 'DISMISSED')),
    reason       VARCHAR(500),
    decided_by   VARCHAR(50),
    decided_at   TIMESTAMPTZ,
    follow_up    VARCHAR(10)  CHECK (follow_up IN ('CHANGE_CASE', 'EXIT_CASE', 'FILE')),
    case_id      BIGINT,
    created_at   TIMESTAMPTZ  NOT NULL DEFAULT now(),
    CONSTRAINT crosscheck_finding_decided CHECK ((status = 'OPEN') = (decided_at IS NULL)),
    CONSTRAINT crosscheck_finding_reason CHECK (status = 'OPEN' OR reason IS NOT NULL)
);
CREATE UNIQUE INDEX crosscheck_finding_uq ON crosscheck_finding (extract_id, member_id, kind);
CREATE INDEX crosscheck_finding_household_idx ON crosscheck_finding (household_id);
CREATE INDEX crosscheck_finding_open_idx ON crosscheck_finding (status, extract_id);
