-- Public notice (公示, M5): a reviewer groups cases into a notice with a period; the published
-- notice is public. What the public sees is copied into cases_notice_case when the notice is
-- published (names full or masked, never ID numbers, phones, bank accounts or health details),
-- so the public pages never read the register.

CREATE TABLE cases_notice (
    id                BIGSERIAL     PRIMARY KEY,
    organisation_id   BIGINT        NOT NULL REFERENCES organisation (id),
    title             VARCHAR(200)  NOT NULL,
    body              VARCHAR(2000),
    status            VARCHAR(10)   NOT NULL DEFAULT 'DRAFT' CHECK (status IN ('DRAFT', 'PUBLISHED', 'CLOSED')),
    period_days       INTEGER       NOT NULL CHECK (period_days BETWEEN 1 AND 60),
    working_days      BOOLEAN       NOT NULL DEFAULT FALSE,
    columns           TEXT[]        NOT NULL,
    mask_names        BOOLEAN       NOT NULL DEFAULT TRUE,
    contact           VARCHAR(200),
    starts_on         DATE,
    ends_on           DATE,
    published_at      TIMESTAMPTZ,
    published_by_id   BIGINT,
    published_by      VARCHAR(50),
    closed_at         TIMESTAMPTZ,
    result            VARCHAR(500),
    created_by_id     BIGINT        NOT NULL,
    created_by        VARCHAR(50)   NOT NULL,
    created_at        TIMESTAMPTZ   NOT NULL DEFAULT now(),
    version           INTEGER       NOT NULL DEFAULT 0
);
CREATE INDEX cases_notice_status_idx ON cases_notice (status, ends_on);

CREATE TABLE cases_notice_case (
    notice_id         BIGINT        NOT NULL REFERENCES cases_notice (id),
    case_id           BIGINT        NOT NULL REFERENCES cases_case (id),
    row_no            INTEGER       NOT NULL,
    state             VARCHAR(10)   NOT NULL DEFAULT 'PENDING' CHECK (state IN ('PENDING', 'PASSED', 'UPHELD', 'REMOVED')),
    display_name      VARCHAR(60),
    organisation_name VARCHAR(100),
    region_name       VARCHAR(100),
    household_size    INTEGER,
    case_type         VARCHAR(12),
    amount            NUMERIC(12, 2),
    applied_on        DATE,
    settled_at        TIMESTAMPTZ,
    PRIMARY KEY (notice_id, case_id)
);
CREATE INDEX cases_notice_case_case_idx ON cases_notice_case (case_id);

CREATE TABLE cases_objection (
    id              BIGSERIAL     PRIMARY KEY,
    notice_id       BIGINT        NOT NULL REFERENCES cases_notice (id),
    case_id         BIGINT        NOT NULL REFERENCES cases_case (id),
    channel         VARCHAR(8)    NOT NULL CHECK (channel IN ('WEB', 'PAPER', 'PHONE', 'VISIT')),
    objector_name   VARCHAR(50),
    objector_contact VARCHAR(100),
    text            VARCHAR(2000) NOT NULL,
    received_at     TIMESTAMPTZ   NOT NULL,
    recorded_by     VARCHAR(50),
    status          VARCHAR(8)    NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN', 'RESOLVED')),
    upheld          BOOLEAN,
    finding         VARCHAR(2000),
    resolved_by_id  BIGINT,
    resolved_by     VARCHAR(50),
    resolved_at     TIMESTAMPTZ,
    CONSTRAINT cases_objection_resolution CHECK ((status = 'RESOLVED') = (finding IS NOT NULL AND upheld IS NOT NULL))
);
CREATE INDEX cases_objection_case_idx ON cases_objection (case_id, status);
CREATE INDEX cases_objection_notice_idx ON cases_objection (notice_id);

-- Public objections per client address and hour, counted in the database so the limit holds
-- across instances. The address is kept only as a hash.
CREATE TABLE cases_objection_rate (
    client_key   CHAR(64)    NOT NULL,
    window_start TIMESTAMPTZ NOT NULL,
    hits         INTEGER     NOT NULL,
    PRIMARY KEY (client_key, window_start)
);
