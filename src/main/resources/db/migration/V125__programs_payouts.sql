-- programs: rosters paid through bank files. The paying organisation's name and account as its
-- bank knows them (one per organisation, required before a batch); each roster line's payment
-- status (NOT_SENT, SENT in a batch, PAID, FAILED with the bank's reason), kept by listening to
-- the bank batches; the regions an event cycle is restricted to (a household's 12-digit region
-- code is under a region when it starts with the region's prefix, its code without zero levels).
CREATE TABLE programs_bank_payer (
    organisation_id BIGINT       PRIMARY KEY,
    name            VARCHAR(100) NOT NULL,
    account         VARCHAR(40)  NOT NULL,
    updated_by      VARCHAR(50)  NOT NULL,
    updated_at      TIMESTAMPTZ  NOT NULL DEFAULT now()
);

ALTER TABLE programs_roster_line
    ADD COLUMN payment_status VARCHAR(10) NOT NULL DEFAULT 'NOT_SENT'
        CHECK (payment_status IN ('NOT_SENT', 'SENT', 'PAID', 'FAILED')),
    ADD COLUMN bank_batch_id  BIGINT,
    ADD COLUMN payment_reason VARCHAR(100);

CREATE INDEX programs_line_bank_batch_idx ON programs_roster_line (bank_batch_id) WHERE bank_batch_id IS NOT NULL;

CREATE TABLE programs_cycle_region (
    cycle_id    BIGINT      NOT NULL REFERENCES programs_cycle (id),
    region_code VARCHAR(12) NOT NULL,
    prefix      VARCHAR(12) NOT NULL,
    PRIMARY KEY (cycle_id, region_code)
);
