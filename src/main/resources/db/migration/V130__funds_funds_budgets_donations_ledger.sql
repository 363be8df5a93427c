-- funds: money kept by source per organisation (专款专用), budgets per year, fund and program,
-- donations received, transfers between funds (four eyes) and the double-entry ledger in fen.
-- The ledger is append-only (triggers refuse UPDATE, DELETE and TRUNCATE) and every posting is
-- balanced: its entries (debit positive, credit negative) sum to zero, checked at commit by a
-- deferred constraint trigger.
CREATE TABLE funds_fund (
    id              BIGSERIAL    PRIMARY KEY,
    organisation_id BIGINT       NOT NULL REFERENCES organisation (id),
    code            VARCHAR(40)  NOT NULL,
    name            VARCHAR(100) NOT NULL,
    source          VARCHAR(20)  NOT NULL
        CHECK (source IN ('DISTRICT_FINANCE', 'UNION', 'DONATIONS', 'DISASTER_RESERVE', 'REVOLVING', 'OTHER')),
    transferable    BOOLEAN      NOT NULL DEFAULT FALSE,
    top_up_from     BIGINT       REFERENCES funds_fund (id),
    created_by      VARCHAR(50)  NOT NULL,
    created_at      TIMESTAMPTZ  NOT NULL DEFAULT now(),
    CONSTRAINT funds_fund_code_unique UNIQUE (organisation_id, code),
    CONSTRAINT funds_fund_top_up_not_self CHECK (top_up_from IS NULL OR top_up_from <> id)
);

-- A budget for a year and a fund, for one program (program_code) or for the fund's whole use (NULL).
CREATE TABLE funds_budget (
    id            BIGSERIAL   PRIMARY KEY,
    year          INTEGER     NOT NULL CHECK (year BETWEEN 2000 AND 2100),
    fund_id       BIGINT      NOT NULL REFERENCES funds_fund (id),
    program_code  VARCHAR(40),
    amount_fen    BIGINT      NOT NULL CHECK (amount_fen >= 0),
    updated_by    VARCHAR(50) NOT NULL,
    updated_at    TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX funds_budget_once ON funds_budget (year, fund_id, coalesce(program_code, ''));

CREATE TABLE funds_posting (
    id              BIGSERIAL    PRIMARY KEY,
    kind            VARCHAR(12)  NOT NULL
        CHECK (kind IN ('RECEIPT', 'DONATION', 'COMMIT', 'SPEND', 'RELEASE', 'RECOMMIT', 'TRANSFER', 'TOP_UP', 'REVERSAL')),
    posted_on       DATE         NOT NULL,
    organisation_id BIGINT       NOT NULL REFERENCES organisation (id),
    cycle_id        BIGINT,
    reverses        BIGINT       UNIQUE REFERENCES funds_posting (id),
    memo            VARCHAR(200) NOT NULL DEFAULT '',
    created_by      VARCHAR(50)  NOT NULL,
    created_at      TIMESTAMPTZ  NOT NULL DEFAULT now()
);
CREATE INDEX funds_posting_cycle_idx ON funds_posting (cycle_id) WHERE cycle_id IS NOT NULL;

-- One side of a posting. account: SOURCE (where money came from), AVAILABLE (free to commit;
-- purpose = the program a restricted donation may only be spent on), COMMITTED (approved rosters
-- not yet paid), SPENT (paid out), GOODS (donations in kind, at their value).
CREATE TABLE funds_ledger_entry (
    id              BIGSERIAL   PRIMARY KEY,
    posting_id      BIGINT      NOT NULL REFERENCES funds_posting (id),
    fund_id         BIGINT      NOT NULL REFERENCES funds_fund (id),
    organisation_id BIGINT      NOT NULL REFERENCES organisation (id),
    account         VARCHAR(10) NOT NULL CHECK (account IN ('SOURCE', 'AVAILABLE', 'COMMITTED', 'SPENT', 'GOODS')),
    purpose         VARCHAR(40),
    program_code    VARCHAR(40),
    cycle_id        BIGINT,
    reference       BIGINT,
    posted_on       DATE        NOT NULL,
    amount_fen      BIGINT      NOT NULL CHECK (amount_fen <> 0),
    CONSTRAINT funds_entry_purpose_available CHECK (purpose IS NULL OR account = 'AVAILABLE')
);
CREATE INDEX funds_entry_fund_idx ON funds_ledger_entry (fund_id, account, posted_on);
CREATE INDEX funds_entry_posting_idx ON funds_ledger_entry (posting_id);
CREATE INDEX funds_entry_cycle_idx ON funds_ledger_entry (cycle_id, account) WHERE cycle_id IS NOT NULL;
CREATE INDEX funds_entry_reference_idx ON funds_ledger_entry (reference) WHERE reference IS NOT NULL;

CREATE FUNCTION funds_ledger_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'the funds ledger is append-only';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER funds_entry_no_update BEFORE UPDATE OR DELETE ON funds_ledger_entry
    FOR EACH ROW EXECUTE FUNCTION funds_ledger_append_only();
CREATE TRIGGER funds_entry_no_truncate BEFORE TRUNCATE ON funds_ledger_entry
    FOR EACH STATEMENT EXECUTE FUNCTION funds_ledger_append_only();
CREATE TRIGGER funds_posting_no_update BEFORE UPDATE OR DELETE ON funds_posting
    FOR EACH ROW EXECUTE FUNCTION funds_ledger_append_only();
CREATE TRIGGER funds_posting_no_truncate BEFORE TRUNCATE ON funds_posting
    FOR EACH STATEMENT EXECUTE FUNCTION funds_ledger_append_only();

CREATE FUNCTION funds_posting_balanced() RETURNS trigger AS $$
DECLARE
    total BIGINT;
BEGIN
    SELECT coalesce(sum(amount_fen), 0) INTO total FROM funds_ledger_entry WHERE posting_id = NEW.posting_id;
    IF total <> 0 THEN
        RAISE EXCEPTION 'funds posting % is not balanced: debits and credits differ by % fen', NEW.posting_id, total;
    END IF;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE CONSTRAINT TRIGGER funds_entry_balanced AFTER INSERT ON funds_ledger_entry
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION funds_posting_balanced();

CREATE TABLE funds_donation (
    id              BIGSERIAL    PRIMARY KEY,
    fund_id         BIGINT       NOT NULL REFERENCES funds_fund (id),
    donor_kind      VARCHAR(12)  NOT NULL CHECK (donor_kind IN ('PERSON', 'ORGANISATION')),
    donor_name      VARCHAR(100) NOT NULL,
    anonymous       BOOLEAN      NOT NULL DEFAULT FALSE,
    form            VARCHAR(5)   NOT NULL CHECK (form IN ('CASH', 'GOODS')),
    goods           VARCHAR(200),
    amount_fen      BIGINT       NOT NULL CHECK (amount_fen > 0),
    received_on     DATE         NOT NULL,
    purpose         VARCHAR(40),
    receipt_no      VARCHAR(40)  NOT NULL,
    posting_id      BIGINT       NOT NULL REFERENCES funds_posting (id),
    created_by      VARCHAR(50)  NOT NULL,
    created_at      TIMESTAMPTZ  NOT NULL DEFAULT now(),
    CONSTRAINT funds_donation_receipt_unique UNIQUE (fund_id, receipt_no),
    CONSTRAINT funds_donation_goods CHECK ((form = 'GOODS') = (goods IS NOT NULL))
);
CREATE INDEX funds_donation_fund_idx ON funds_donation (fund_id, received_on DESC);

-- A transfer between funds, proposed by one user and approved (posted) or rejected by another.
CREATE TABLE funds_transfer (
    id             BIGSERIAL    PRIMARY KEY,
    from_fund_id   BIGINT       NOT NULL REFERENCES funds_fund (id),
    to_fund_id     BIGINT       NOT NULL REFERENCES funds_fund (id),
    amount_fen     BIGINT       NOT NULL CHECK (amount_fen > 0),
    reason         VARCHAR(200) NOT NULL,
    status         VARCHAR(10)  NOT NULL DEFAULT 'PROPOSED' CHECK (status IN ('PROPOSED', 'APPROVED', 'REJECTED')),
    proposed_by    BIGINT       NOT NULL,
    proposed_login VARCHAR(50)  NOT NULL,
    decided_by     BIGINT,
    decided_login  VARCHAR(50),
    decided_at     TIMESTAMPTZ,
    posting_id     BIGINT       REFERENCES funds_posting (id),
    created_at     TIMESTAMPTZ  NOT NULL DEFAULT now(),
    CONSTRAINT funds_transfer_two_funds CHECK (from_fund_id <> to_fund_id)
);
CREATE INDEX funds_transfer_from_idx ON funds_transfer (from_fund_id, status);
