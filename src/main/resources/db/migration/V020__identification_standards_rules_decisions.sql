-- Identification (M2): standards by region and period, rule sets as data, explained decisions.
-- Reads registry_household / registry_member in SQL (documented read dependency); never writes them.

-- Kinds of standard: built-in ones (dibao lines, near-dibao multiplier, poverty line, destitute support,
-- last year's local per-capita disposable income) and named custom figures added by administrators.
CREATE TABLE identification_standard_kind (
    code       VARCHAR(40)  PRIMARY KEY CHECK (code ~ '^[a-z][a-z0-9_]{0,39}$'),
    basis      VARCHAR(5)   NOT NULL CHECK (basis IN ('MONTH', 'YEAR', 'RATIO')),
    builtin    BOOLEAN      NOT NULL DEFAULT FALSE,
    name_zh    VARCHAR(100) NOT NULL,
    name_en    VARCHAR(100) NOT NULL,
    created_by VARCHAR(50)  NOT NULL,
    created_at TIMESTAMPTZ  NOT NULL DEFAULT now()
);

INSERT INTO identification_standard_kind (code, basis, builtin, name_zh, name_en, created_by) VALUES
    ('dibao_urban', 'MONTH', TRUE, '城市低保标准（每人每月）', 'Urban dibao line (per person per month)', 'system'),
    ('dibao_rural', 'YEAR', TRUE, '农村低保标准（每人每年）', 'Rural dibao line (per person per year)', 'system'),
    ('near_dibao_multiplier', 'RATIO', TRUE, '低保边缘倍数', 'Near-dibao multiplier', 'system'),
    ('poverty_line', 'YEAR', TRUE, '贫困线（每人每年）', 'Poverty line (per person per year)', 'system'),
    ('destitute_dispersed', 'YEAR', TRUE, '特困分散供养标准（每人每年）', 'Destitute support, dispersed (per person per year)', 'system'),
    ('destitute_institutional', 'YEAR', TRUE, '特困集中供养标准（每人每年）', 'Destitute support, institutional (per person per year)', 'system'),
    ('disposable_income_last_year', 'YEAR', TRUE, '上年度当地居民人均可支配收入', 'Local per-capita disposable income of last year', 'system');

-- Figures. Append-only: a new figure (or a correction: same start date, higher version) never
-- changes an old row, so a decision for an old date can always be re-made with that date's figures.
-- region_prefix is the significant part of the 12-digit code ('' = the whole country, 2 = province,
-- 4 = city, 6 = county, 9 = township, 12 = village); the longest matching prefix wins.
CREATE TABLE identification_standard (
    id              BIGSERIAL     PRIMARY KEY,
    kind            VARCHAR(40)   NOT NULL REFERENCES identification_standard_kind (code),
    region_code     VARCHAR(12)   REFERENCES organisation_region (code),
    region_prefix   VARCHAR(12)   NOT NULL,
    value           NUMERIC(16, 4) NOT NULL CHECK (value >= 0),
    basis           VARCHAR(5)    NOT NULL CHECK (basis IN ('MONTH', 'YEAR', 'RATIO')),
    effective_from  DATE          NOT NULL,
    effective_to    DATE,
    version         INTEGER       NOT NULL,
    organisation_id BIGINT        REFERENCES organisation (id),
    note            VARCHAR(500),
    created_by      VARCHAR(50)   NOT NULL,
    created_at      TIMESTAMPTZ   NOT NULL DEFAULT now(),
    CONSTRAINT identification_standard_period CHECK (effective_to IS NULL OR effective_to >= effective_from),
    CONSTRAINT identification_standard_national CHECK ((region_code IS NULL) = (region_prefix = ''))
);
CREATE UNIQUE INDEX identification_standard_version_uq ON identification_standard (kind, region_prefix, version);
CREATE INDEX identification_standard_lookup_idx ON identification_standard (kind, region_prefix, effective_from);

-- National default from national practice: near-dibao = below 1.5 × the dibao line.
INSERT INTO identification_standard (kind, region_code, region_prefix, value, basis, effective_from, version, note, created_by)
VALUES ('near_dibao_multiplier', NULL, '', 1.5, 'RATIO', DATE '2000-01-01', 1, '全国通行做法：低保标准的 1.5 倍', 'system');

-- Rule sets: one row per version. Rows, default outcome and test cases are JSON; status
-- DRAFT → ACTIVE → RETIRED. A version applies on a date inside [effective_from, effective_to]
-- (ACTIVE or RETIRED), to households of its owner organisation's subtree.
CREATE TABLE identification_rule_set (
    id               BIGSERIAL    PRIMARY KEY,
    code             VARCHAR(40)  NOT NULL CHECK (code ~ '^[a-z0-9][a-z0-9-]{1,39}$'),
    version          INTEGER      NOT NULL,
    organisation_id  BIGINT       NOT NULL REFERENCES organisation (id),
    name_zh          VARCHAR(100) NOT NULL,
    name_en          VARCHAR(100) NOT NULL,
    description      VARCHAR(2000),
    status           VARCHAR(8)   NOT NULL DEFAULT 'DRAFT' CHECK (status IN ('DRAFT', 'ACTIVE', 'RETIRED')),
    effective_from   DATE,
    effective_to     DATE,
    rules            JSONB        NOT NULL,
    test_cases       JSONB        NOT NULL DEFAULT '[]',
    standard_kinds   TEXT[]       NOT NULL DEFAULT '{}',
    shipped          BOOLEAN      NOT NULL DEFAULT FALSE,
    created_by       VARCHAR(50)  NOT NULL,
    created_at       TIMESTAMPTZ  NOT NULL DEFAULT now(),
    updated_by       VARCHAR(50)  NOT NULL,
    updated_at       TIMESTAMPTZ  NOT NULL DEFAULT now(),
    activated_by     VARCHAR(50),
    activated_at     TIMESTAMPTZ,
    CONSTRAINT identification_rule_set_active_from CHECK (status = 'DRAFT' OR effective_from IS NOT NULL)
);
CREATE UNIQUE INDEX identification_rule_set_version_uq ON identification_rule_set (code, version);
CREATE UNIQUE INDEX identification_rule_set_one_active_uq ON identification_rule_set (code) WHERE status = 'ACTIVE';
CREATE UNIQUE INDEX identification_rule_set_one_draft_uq ON identification_rule_set (code) WHERE status = 'DRAFT';

-- Decisions: the outcome of one rule-set version for one household on a date, with the facts
-- snapshot and the ids of the standards used (immutable rows), so any past decision can be
-- shown exactly as it was made. "current" marks the latest per household and rule set;
-- "stale" says the file or a standard changed since.
CREATE TABLE identification_decision (
    id                BIGSERIAL    PRIMARY KEY,
    household_id      BIGINT       NOT NULL REFERENCES registry_household (id),
    region_code       VARCHAR(12)  NOT NULL,
    household_version INTEGER      NOT NULL,
    rule_set_id       BIGINT       NOT NULL REFERENCES identification_rule_set (id),
    rule_set_code     VARCHAR(40)  NOT NULL,
    as_of             DATE         NOT NULL,
    matched_row       SMALLINT     NOT NULL,
    outcome           VARCHAR(30)  NOT NULL,
    facts             JSONB        NOT NULL,
    standard_ids      JSONB        NOT NULL,
    explanation       JSONB,
    decided_at        TIMESTAMPTZ  NOT NULL DEFAULT now(),
    decided_by        VARCHAR(50)  NOT NULL,
    job_id            BIGINT,
    current           BOOLEAN      NOT NULL DEFAULT TRUE,
    stale             BOOLEAN      NOT NULL DEFAULT FALSE
);
CREATE UNIQUE INDEX identification_decision_current_uq ON identification_decision (household_id, rule_set_code) WHERE current;
CREATE INDEX identification_decision_household_idx ON identification_decision (household_id, decided_at);
CREATE INDEX identification_decision_rule_set_idx ON identification_decision (rule_set_code, outcome) WHERE current;
CREATE INDEX identification_decision_region_idx ON identification_decision (region_code text_pattern_ops) WHERE current;
