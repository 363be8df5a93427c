-- Cases (M3): an application, assistance request, change, exit or reopening of one household,
-- walked through the steps of its review chain. Every step attempt is a row; every transition is
-- kept with its comment (and audited). The identification decision is frozen at submission.

CREATE SEQUENCE cases_case_no_seq;

CREATE TABLE cases_case (
    id                   BIGSERIAL     PRIMARY KEY,
    case_no              VARCHAR(30)   NOT NULL UNIQUE,
    type                 VARCHAR(12)   NOT NULL CHECK (type IN ('NEW_FILING', 'ASSISTANCE', 'CHANGE', 'EXIT', 'REOPEN')),
    chain_id             BIGINT        NOT NULL REFERENCES cases_chain (id),
    household_id         BIGINT        NOT NULL REFERENCES registry_household (id),
    -- the household's file number and head as the case was last saved (lists show them without reading the register)
    file_no              VARCHAR(40)   NOT NULL,
    head_name            VARCHAR(50)   NOT NULL,
    organisation_id      BIGINT        NOT NULL REFERENCES organisation (id),
    region_code          VARCHAR(12)   NOT NULL,
    status               VARCHAR(12)   NOT NULL CHECK (status IN ('DRAFT', 'IN_REVIEW', 'RETURNED', 'APPROVED', 'REJECTED', 'WITHDRAWN')),
    current_position     INTEGER,
    summary              VARCHAR(2000) NOT NULL,
    requested_amount     NUMERIC(12, 2) CHECK (requested_amount >= 0),
    exit_date            DATE,
    change_data          JSONB,
    decision_label       VARCHAR(200),
    decision_explanation TEXT,
    decision_json        JSONB,
    decision_frozen_at   TIMESTAMPTZ,
    household_change_id  BIGINT,
    household_version    INTEGER,
    submitted_by_id      BIGINT,
    submitted_by         VARCHAR(50),
    submitted_at         TIMESTAMPTZ,
    decided_at           TIMESTAMPTZ,
    result_reason        VARCHAR(2000),
    effective_date       DATE,
    outcome_applied      VARCHAR(200),
    created_by_id        BIGINT        NOT NULL,
    created_by           VARCHAR(50)   NOT NULL,
    created_at           TIMESTAMPTZ   NOT NULL DEFAULT now(),
    updated_at           TIMESTAMPTZ   NOT NULL DEFAULT now(),
    version              INTEGER       NOT NULL DEFAULT 0
);
CREATE INDEX cases_case_org_idx ON cases_case (organisation_id, status);
CREATE INDEX cases_case_household_idx ON cases_case (household_id);
-- One open case per household at a time (a change and an exit must not race each other).
CREATE UNIQUE INDEX cases_case_one_open_uq ON cases_case (household_id) WHERE status IN ('DRAFT', 'IN_REVIEW', 'RETURNED');

CREATE TABLE cases_step (
    id           BIGSERIAL     PRIMARY KEY,
    case_id      BIGINT        NOT NULL REFERENCES cases_case (id),
    position     INTEGER       NOT NULL,
    started_at   TIMESTAMPTZ   NOT NULL,
    due_date     DATE          NOT NULL,
    completed_at TIMESTAMPTZ,
    outcome      VARCHAR(8)    CHECK (outcome IN ('PASS', 'RETURN', 'REJECT')),
    actor_id     BIGINT,
    actor_login  VARCHAR(50),
    actor_name   VARCHAR(100),
    actor_org_id BIGINT,
    automatic    BOOLEAN       NOT NULL DEFAULT FALSE,
    comment      VARCHAR(2000),
    form_data    JSONB
);
CREATE INDEX cases_step_case_idx ON cases_step (case_id, id);
CREATE UNIQUE INDEX cases_step_one_open_uq ON cases_step (case_id) WHERE completed_at IS NULL;
CREATE INDEX cases_step_due_idx ON cases_step (due_date) WHERE completed_at IS NULL;

CREATE TABLE cases_transition (
    id          BIGSERIAL     PRIMARY KEY,
    case_id     BIGINT        NOT NULL REFERENCES cases_case (id),
    at          TIMESTAMPTZ   NOT NULL,
    actor_id    BIGINT,
    actor_login VARCHAR(50)   NOT NULL,
    actor_name  VARCHAR(100),
    action      VARCHAR(20)   NOT NULL,
    from_status VARCHAR(12),
    to_status   VARCHAR(12)   NOT NULL,
    position    INTEGER,
    comment     VARCHAR(2000)
);
CREATE INDEX cases_transition_case_idx ON cases_transition (case_id, id);

-- Documents (M4): the files live in the FileStore (key + SHA-256), never as absolute paths.
CREATE TABLE cases_document (
    id             BIGSERIAL     PRIMARY KEY,
    case_id        BIGINT        NOT NULL REFERENCES cases_case (id),
    kind           VARCHAR(20)   NOT NULL,
    member_id      BIGINT,
    title          VARCHAR(200),
    file_name      VARCHAR(255)  NOT NULL,
    content_type   VARCHAR(100)  NOT NULL,
    size_bytes     BIGINT        NOT NULL,
    sha256         CHAR(64)      NOT NULL,
    storage_key    VARCHAR(200)  NOT NULL,
    uploaded_by_id BIGINT        NOT NULL,
    uploaded_by    VARCHAR(50)   NOT NULL,
    uploaded_at    TIMESTAMPTZ   NOT NULL DEFAULT now(),
    removed_at     TIMESTAMPTZ,
    removed_by     VARCHAR(50)
);
CREATE INDEX cases_document_case_idx ON cases_document (case_id) WHERE removed_at IS NULL;
