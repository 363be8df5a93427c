-- Monitoring (issue 18): relapse monitoring (防返贫监测) and disaster screening.
-- Read-only SQL dependency on registry_household and organisation (set-based lists, as programs does).

-- Per organisation: how soon a flagged household needs a measure, and a screening visit.
CREATE TABLE monitoring_setting (
    organisation_id  BIGINT       PRIMARY KEY REFERENCES organisation (id),
    measure_days     INTEGER      NOT NULL CHECK (measure_days BETWEEN 1 AND 365),
    working_days     BOOLEAN      NOT NULL,
    screening_days   INTEGER      NOT NULL CHECK (screening_days BETWEEN 1 AND 365),
    updated_by       VARCHAR(100) NOT NULL,
    updated_at       TIMESTAMPTZ  NOT NULL DEFAULT now()
);

-- A household under monitoring: its kind, where the lead came from, the measure deadline, and leaving.
CREATE TABLE monitoring_flag (
    id                 BIGSERIAL     PRIMARY KEY,
    household_id       BIGINT        NOT NULL,
    organisation_id    BIGINT        NOT NULL REFERENCES organisation (id),
    region_code        VARCHAR(12)   NOT NULL,
    kind               VARCHAR(10)   NOT NULL CHECK (kind IN ('UNSTABLE', 'MARGINAL', 'SUDDEN')),
    source             VARCHAR(12)   NOT NULL CHECK (source IN ('RULES', 'VISIT', 'COMPLAINT', 'CROSSCHECK', 'FAMILY')),
    note               VARCHAR(1000),
    flagged_on         DATE          NOT NULL,
    measure_due        DATE          NOT NULL,
    status             VARCHAR(8)    NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN', 'LEFT')),
    stable             BOOLEAN       NOT NULL DEFAULT FALSE,
    stable_checked_on  DATE,
    leave_proposed_by  VARCHAR(100),
    leave_proposed_on  DATE,
    leave_note         VARCHAR(1000),
    left_by            VARCHAR(100),
    left_on            DATE,
    created_by         VARCHAR(100)  NOT NULL,
    created_at         TIMESTAMPTZ   NOT NULL DEFAULT now(),
    CONSTRAINT monitoring_flag_left CHECK ((status = 'LEFT') = (left_on IS NOT NULL))
);
CREATE UNIQUE INDEX monitoring_flag_open_uq ON monitoring_flag (household_id) WHERE status = 'OPEN';
CREATE INDEX monitoring_flag_org_idx ON monitoring_flag (organisation_id, status, measure_due);

-- A measure taken for a monitored household (帮扶措施).
CREATE TABLE monitoring_measure (
    id           BIGSERIAL     PRIMARY KEY,
    flag_id      BIGINT        NOT NULL REFERENCES monitoring_flag (id),
    kind         VARCHAR(12)   NOT NULL CHECK (kind IN ('EMPLOYMENT', 'INDUSTRY', 'MEDICAL', 'EDUCATION', 'HOUSING',
                                                         'DIBAO', 'RELIEF', 'INSURANCE', 'OTHER')),
    responsible  VARCHAR(100)  NOT NULL,
    measure_on   DATE          NOT NULL,
    note         VARCHAR(1000),
    carried_out  BOOLEAN       NOT NULL,
    created_by   VARCHAR(100)  NOT NULL,
    created_at   TIMESTAMPTZ   NOT NULL DEFAULT now()
);
CREATE INDEX monitoring_measure_flag_idx ON monitoring_measure (flag_id);

-- Disaster screening (灾后排查): after a programs event, the households of its regions to visit.
CREATE TABLE monitoring_screening (
    id               BIGSERIAL     PRIMARY KEY,
    event_id         BIGINT        NOT NULL,
    event_name       VARCHAR(120)  NOT NULL,
    organisation_id  BIGINT        NOT NULL REFERENCES organisation (id),
    region_codes     TEXT[]        NOT NULL,
    started_on       DATE          NOT NULL,
    visit_due        DATE          NOT NULL,
    created_by       VARCHAR(100)  NOT NULL,
    created_at       TIMESTAMPTZ   NOT NULL DEFAULT now()
);

CREATE TABLE monitoring_screening_household (
    screening_id  BIGINT       NOT NULL REFERENCES monitoring_screening (id),
    household_id  BIGINT       NOT NULL,
    region_code   VARCHAR(12)  NOT NULL,
    reason        VARCHAR(10)  NOT NULL CHECK (reason IN ('FILED', 'EXITED', 'MONITORED')),
    visited_on    DATE,
    visited_by    VARCHAR(100),
    visit_note    VARCHAR(1000),
    PRIMARY KEY (screening_id, household_id)
);

-- Relief granted first and reviewed after (先行救助): the review is by someone else.
CREATE TABLE monitoring_relief (
    id              BIGSERIAL      PRIMARY KEY,
    household_id    BIGINT         NOT NULL,
    organisation_id BIGINT         NOT NULL REFERENCES organisation (id),
    screening_id    BIGINT         REFERENCES monitoring_screening (id),
    amount          NUMERIC(12, 2) NOT NULL CHECK (amount > 0),
    granted_on      DATE           NOT NULL,
    granted_by      VARCHAR(100)   NOT NULL,
    note            VARCHAR(1000),
    reviewed_by     VARCHAR(100),
    reviewed_on     DATE,
    review_outcome  VARCHAR(10)    CHECK (review_outcome IN ('CONFIRMED', 'REJECTED')),
    review_note     VARCHAR(1000),
    CONSTRAINT monitoring_relief_reviewed CHECK ((reviewed_on IS NULL) = (review_outcome IS NULL))
);
CREATE INDEX monitoring_relief_org_idx ON monitoring_relief (organisation_id, reviewed_on);
