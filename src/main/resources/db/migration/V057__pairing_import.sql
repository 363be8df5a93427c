-- Bulk pairing import (Excel/CSV): one row per uploaded file, after it was processed. Each row of
-- the file is paired or rejected on its own; rejected rows go to the error report (an .xlsx in
-- the file store, key in report_key) and the first problems are kept for the page and the API.
CREATE TABLE pairing_import (
    id              BIGSERIAL    PRIMARY KEY,
    organisation_id BIGINT       NOT NULL REFERENCES organisation (id),
    file_name       VARCHAR(255) NOT NULL,
    file_key        VARCHAR(300) NOT NULL,
    file_size       BIGINT       NOT NULL,
    file_sha256     CHAR(64)     NOT NULL,
    rows_read       INTEGER      NOT NULL,
    rows_paired     INTEGER      NOT NULL,
    rows_rejected   INTEGER      NOT NULL,
    report_key      VARCHAR(300),
    language        VARCHAR(20)  NOT NULL,
    created_at      TIMESTAMPTZ  NOT NULL DEFAULT now(),
    created_by      VARCHAR(50)  NOT NULL
);
CREATE INDEX pairing_import_organisation_idx ON pairing_import (organisation_id, created_at DESC);

-- A rejected row's problem: the spreadsheet row, the column as the file spells it (null: the
-- whole row), a message key and its arguments (separated by U+001F), shown in the reader's language.
CREATE TABLE pairing_import_problem (
    import_id    BIGINT        NOT NULL REFERENCES pairing_import (id),
    position     INTEGER       NOT NULL,
    row_no       BIGINT        NOT NULL,
    column_label VARCHAR(100),
    message_key  VARCHAR(100)  NOT NULL,
    args         VARCHAR(2000) NOT NULL DEFAULT '',
    PRIMARY KEY (import_id, position)
);
