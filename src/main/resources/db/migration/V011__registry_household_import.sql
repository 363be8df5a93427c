-- Register (M1): imports of household files (标准导入模板). One row per uploaded file with its
-- progress and counts; the first problems found, stored as message keys so every viewer reads
-- them in their own language (the full list is the downloadable error report); and the import
-- that created a household, so a re-run of the same import recognises its own work.

CREATE TABLE registry_import (
    id                   BIGSERIAL     PRIMARY KEY,
    organisation_id      BIGINT        NOT NULL REFERENCES organisation (id),
    job_id               BIGINT        UNIQUE REFERENCES platform_job (id),
    file_name            VARCHAR(255)  NOT NULL,
    stored_file          VARCHAR(1000),
    file_size            BIGINT        NOT NULL,
    existing             VARCHAR(6)    NOT NULL CHECK (existing IN ('SKIP', 'UPDATE')),
    language             VARCHAR(20)   NOT NULL,
    status               VARCHAR(10)   NOT NULL DEFAULT 'QUEUED'
                         CHECK (status IN ('QUEUED', 'RUNNING', 'DONE', 'FAILED')),
    rows_total           BIGINT,
    rows_read            BIGINT        NOT NULL DEFAULT 0,
    rows_accepted        BIGINT        NOT NULL DEFAULT 0,
    rows_rejected        BIGINT        NOT NULL DEFAULT 0,
    rows_skipped         BIGINT        NOT NULL DEFAULT 0,
    households_filed     BIGINT        NOT NULL DEFAULT 0,
    households_updated   BIGINT        NOT NULL DEFAULT 0,
    households_unchanged BIGINT        NOT NULL DEFAULT 0,
    households_skipped   BIGINT        NOT NULL DEFAULT 0,
    households_rejected  BIGINT        NOT NULL DEFAULT 0,
    warnings             BIGINT        NOT NULL DEFAULT 0,
    report_file          VARCHAR(1000),
    error_key            VARCHAR(100),
    error_args           TEXT[],
    created_by           BIGINT,
    created_login        VARCHAR(50)   NOT NULL,
    created_at           TIMESTAMPTZ   NOT NULL DEFAULT now(),
    started_at           TIMESTAMPTZ,
    finished_at          TIMESTAMPTZ
);
CREATE INDEX registry_import_organisation_idx ON registry_import (organisation_id, id DESC);

CREATE TABLE registry_import_issue (
    import_id     BIGINT        NOT NULL REFERENCES registry_import (id) ON DELETE CASCADE,
    seq           INTEGER       NOT NULL,
    kind          VARCHAR(8)    NOT NULL CHECK (kind IN ('ERROR', 'WARNING', 'SKIPPED')),
    row_no        BIGINT,
    column_name   VARCHAR(100),
    household_ref VARCHAR(100),
    message_key   VARCHAR(100)  NOT NULL,
    message_args  TEXT[]        NOT NULL DEFAULT '{}',
    PRIMARY KEY (import_id, seq)
);

-- Nullable, no default: adding it does not rewrite the table.
ALTER TABLE registry_household ADD COLUMN import_id BIGINT REFERENCES registry_import (id);
