-- Register exports run as jobs (issue 19): the file a job wrote, for whom, and what it holds.
-- Only the user who asked may download it; the file is deleted after
-- bangfu.files.retention.export-days (the row stays, so a late download says it expired).
CREATE TABLE registry_export (
    job_id          BIGINT       PRIMARY KEY REFERENCES platform_job (id),
    organisation_id BIGINT       NOT NULL REFERENCES organisation (id),
    created_by      BIGINT       NOT NULL,
    format          VARCHAR(4)   NOT NULL CHECK (format IN ('xlsx', 'csv')),
    full_numbers    BOOLEAN      NOT NULL,
    purpose         VARCHAR(200),
    file_key        VARCHAR(200) NOT NULL,
    households      BIGINT       NOT NULL,
    rows_written    BIGINT       NOT NULL,
    finished_at     TIMESTAMPTZ  NOT NULL
);
CREATE INDEX registry_export_creator_idx ON registry_export (created_by, job_id DESC);
