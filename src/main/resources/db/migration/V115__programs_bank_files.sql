-- Programs (bank files): layouts of payment files as data, payment and verification batches with
-- their lines, and the bank's answers (return files) imported against them.

-- A bank's file layout. organisation_id NULL with built_in = TRUE: the default layout Bangfu ships
-- (not editable, usable everywhere); others belong to an organisation and are usable in its subtree
-- and by the organisations above it. Column lists are comma-separated BankColumn names.
CREATE TABLE programs_bank_layout (
    id                     BIGSERIAL    PRIMARY KEY,
    organisation_id        BIGINT       REFERENCES organisation (id),
    name                   VARCHAR(100) NOT NULL,
    bank_code              VARCHAR(20)  NOT NULL,
    encoding               VARCHAR(10)  NOT NULL CHECK (encoding IN ('GBK', 'UTF_8')),
    separator              VARCHAR(1)   NOT NULL CHECK (separator IN ('|', ',')),
    line_end               VARCHAR(4)   NOT NULL CHECK (line_end IN ('CRLF', 'LF')),
    amount_unit            VARCHAR(4)   NOT NULL CHECK (amount_unit IN ('YUAN', 'FEN')),
    summary_position       VARCHAR(5)   NOT NULL CHECK (summary_position IN ('FIRST', 'LAST')),
    file_type              VARCHAR(4)   NOT NULL CHECK (file_type IN ('TEXT', 'XLSX')),
    summary_columns        VARCHAR(500) NOT NULL,
    detail_columns         VARCHAR(500) NOT NULL,
    return_summary_columns VARCHAR(500) NOT NULL,
    return_detail_columns  VARCHAR(500) NOT NULL,
    id_type_codes          VARCHAR(500) NOT NULL,
    built_in               BOOLEAN      NOT NULL DEFAULT FALSE,
    active                 BOOLEAN      NOT NULL DEFAULT TRUE,
    created_at             TIMESTAMPTZ  NOT NULL DEFAULT now(),
    updated_at             TIMESTAMPTZ  NOT NULL DEFAULT now(),
    updated_by             VARCHAR(50)  NOT NULL DEFAULT 'system',
    CONSTRAINT programs_bank_layout_owner CHECK (built_in = (organisation_id IS NULL))
);
CREATE UNIQUE INDEX programs_bank_layout_one_default ON programs_bank_layout (built_in) WHERE built_in;
CREATE INDEX programs_bank_layout_organisation_idx ON programs_bank_layout (organisation_id);

INSERT INTO programs_bank_layout (organisation_id, name, bank_code, encoding, separator, line_end, amount_unit,
                                  summary_position, file_type, summary_columns, detail_columns,
                                  return_summary_columns, return_detail_columns, id_type_codes, built_in)
VALUES (NULL, '通用代发格式', 'DEFAULT', 'GBK', '|', 'CRLF', 'YUAN', 'FIRST', 'TEXT',
        'RECORD_TYPE,PAYER_NAME,PAYER_ACCOUNT,FILE_DATE,BATCH_NO,TOTAL_COUNT,TOTAL_AMOUNT',
        'RECORD_TYPE,SEQ,PAYEE_NAME,ACCOUNT,AMOUNT,ID_TYPE,ID_NUMBER,PURPOSE,REMARK',
        'RECORD_TYPE,BATCH_NO,TOTAL_COUNT,TOTAL_AMOUNT,SUCCESS_COUNT,SUCCESS_AMOUNT,FAILURE_COUNT,FAILURE_AMOUNT',
        'RECORD_TYPE,SEQ,PAYEE_NAME,ACCOUNT,AMOUNT,RESULT,REASON',
        'RESIDENT_ID=01,MILITARY_ID=02,PASSPORT=03,HK_MACAO_PASS=04,TAIWAN_PASS=05,FOREIGN_PERMANENT_RESIDENT=06,OTHER=99',
        TRUE);

-- The last batch number given per payer account and file date: issuing takes the next one with one
-- INSERT ... ON CONFLICT DO UPDATE (the row lock serialises concurrent issuers).
CREATE TABLE programs_bank_batch_counter (
    payer_account VARCHAR(40) NOT NULL,
    file_date     DATE        NOT NULL,
    last_seq      INTEGER     NOT NULL,
    PRIMARY KEY (payer_account, file_date)
);

-- A payment batch (one payment file) or an account verification batch. The file itself is not
-- kept: it is regenerated from the lines (accounts and ID numbers encrypted) and must come out
-- byte for byte as it was checked when issued (file_sha256).
CREATE TABLE programs_bank_batch (
    id              BIGSERIAL    PRIMARY KEY,
    organisation_id BIGINT       NOT NULL REFERENCES organisation (id),
    kind            VARCHAR(12)  NOT NULL CHECK (kind IN ('PAYMENT', 'VERIFICATION')),
    status          VARCHAR(12)  NOT NULL CHECK (status IN ('ISSUED', 'RECONCILED')),
    batch_no        VARCHAR(40)  NOT NULL,
    payer_name      VARCHAR(100) NOT NULL,
    payer_account   VARCHAR(40)  NOT NULL,
    file_date       DATE         NOT NULL,
    purpose         VARCHAR(30)  NOT NULL,
    layout_id       BIGINT       NOT NULL REFERENCES programs_bank_layout (id),
    layout          TEXT         NOT NULL,
    follow_up_of    BIGINT       REFERENCES programs_bank_batch (id),
    line_count      INTEGER      NOT NULL DEFAULT 0,
    total_fen       BIGINT       NOT NULL DEFAULT 0,
    paid_count      INTEGER      NOT NULL DEFAULT 0,
    paid_fen        BIGINT       NOT NULL DEFAULT 0,
    failed_count    INTEGER      NOT NULL DEFAULT 0,
    failed_fen      BIGINT       NOT NULL DEFAULT 0,
    file_sha256     CHAR(64),
    file_size       BIGINT,
    created_at      TIMESTAMPTZ  NOT NULL DEFAULT now(),
    created_by      VARCHAR(50)  NOT NULL,
    reconciled_at   TIMESTAMPTZ,
    CONSTRAINT programs_bank_batch_no_unique UNIQUE (payer_account, file_date, batch_no)
);
CREATE INDEX programs_bank_batch_organisation_idx ON programs_bank_batch (organisation_id, created_at DESC);

-- One line of a batch (序号 = seq). reference is the caller's line id. A reference is at most once
-- waiting for the bank (SENT) or paid (PAID) across all payment batches: the partial unique index.
CREATE TABLE programs_bank_line (
    batch_id       BIGINT       NOT NULL REFERENCES programs_bank_batch (id),
    seq            INTEGER      NOT NULL,
    kind           VARCHAR(12)  NOT NULL CHECK (kind IN ('PAYMENT', 'VERIFICATION')),
    reference      BIGINT       NOT NULL,
    payee_name     VARCHAR(50)  NOT NULL,
    account_hash   CHAR(64)     NOT NULL,
    account_enc    VARCHAR(200) NOT NULL,
    account_masked VARCHAR(40)  NOT NULL,
    id_type        VARCHAR(30)  NOT NULL,
    id_hash        CHAR(64),
    id_enc         VARCHAR(200),
    id_masked      VARCHAR(40),
    amount_fen     BIGINT       CHECK (amount_fen > 0),
    purpose        VARCHAR(30)  NOT NULL,
    remark         VARCHAR(60)  NOT NULL DEFAULT '',
    status         VARCHAR(10)  NOT NULL CHECK (status IN ('SENT', 'PAID', 'FAILED', 'VERIFIED')),
    reason         VARCHAR(100),
    PRIMARY KEY (batch_id, seq),
    CONSTRAINT programs_bank_line_amount CHECK ((kind = 'PAYMENT') = (amount_fen IS NOT NULL))
);
CREATE UNIQUE INDEX programs_bank_line_reference_once ON programs_bank_line (reference)
    WHERE kind = 'PAYMENT' AND status IN ('SENT', 'PAID');
CREATE INDEX programs_bank_line_reference_idx ON programs_bank_line (reference);

-- A bank answer (return file or verification answer) accepted for a batch; refused files leave no row.
CREATE TABLE programs_bank_return (
    id            BIGSERIAL    PRIMARY KEY,
    batch_id      BIGINT       NOT NULL REFERENCES programs_bank_batch (id),
    file_name     VARCHAR(255) NOT NULL,
    file_sha256   CHAR(64)     NOT NULL,
    line_count    INTEGER      NOT NULL,
    success_count INTEGER      NOT NULL,
    failure_count INTEGER      NOT NULL,
    created_at    TIMESTAMPTZ  NOT NULL DEFAULT now(),
    created_by    VARCHAR(50)  NOT NULL,
    CONSTRAINT programs_bank_return_once UNIQUE (batch_id, file_sha256)
);

-- The lines of a bank answer as read (account as keyed hash), matched to the sent lines by seq.
CREATE TABLE programs_bank_return_line (
    return_id    BIGINT       NOT NULL REFERENCES programs_bank_return (id),
    line_no      INTEGER      NOT NULL,
    seq          INTEGER      NOT NULL,
    payee_name   VARCHAR(100) NOT NULL,
    account_hash CHAR(64)     NOT NULL,
    amount_fen   BIGINT,
    result       CHAR(1)      NOT NULL CHECK (result IN ('S', 'F')),
    reason       VARCHAR(100),
    PRIMARY KEY (return_id, line_no)
);
CREATE INDEX programs_bank_return_line_seq_idx ON programs_bank_return_line (return_id, seq);
