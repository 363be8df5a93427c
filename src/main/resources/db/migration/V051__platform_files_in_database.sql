-- Platform: the file store's table for small installations (bangfu.files.store=database). Each file
-- under its store key, with its size and SHA-256; the files directory then only caches them.
CREATE TABLE platform_file (
    key        VARCHAR(200) PRIMARY KEY,
    size_bytes BIGINT       NOT NULL CHECK (size_bytes >= 0),
    sha256     CHAR(64)     NOT NULL,
    content    BYTEA        NOT NULL,
    created_at TIMESTAMPTZ  NOT NULL DEFAULT now()
);
