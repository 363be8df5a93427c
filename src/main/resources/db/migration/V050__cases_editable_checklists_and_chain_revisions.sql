-- Cases: checklists and review chains are edited by an administrator (configuration, not code).
--
-- Checklists: an item may be required (blocks submission) or only listed; an item applies to the
-- cases opened after it was added (since), so a new requirement does not stop cases already open.
ALTER TABLE cases_checklist ADD COLUMN required BOOLEAN NOT NULL DEFAULT TRUE;
ALTER TABLE cases_checklist ADD COLUMN since TIMESTAMPTZ NOT NULL DEFAULT '2000-01-01 00:00:00+00';
ALTER TABLE cases_checklist ALTER COLUMN since SET DEFAULT now();
ALTER TABLE cases_checklist ADD COLUMN updated_at TIMESTAMPTZ NOT NULL DEFAULT now();
ALTER TABLE cases_checklist ADD COLUMN updated_by VARCHAR(50) NOT NULL DEFAULT 'system';

-- Chain revisions: changing the steps of a chain that cases already use creates a new revision
-- (same code) for the cases opened afterwards; the cases already opened keep the revision, and so
-- the steps, they started with. A retired revision stays readable but is offered to no new case.
ALTER TABLE cases_chain ADD COLUMN revision INTEGER NOT NULL DEFAULT 1;
ALTER TABLE cases_chain ADD COLUMN retired_at TIMESTAMPTZ;
ALTER TABLE cases_chain ADD COLUMN superseded_by BIGINT REFERENCES cases_chain (id);
ALTER TABLE cases_chain DROP CONSTRAINT cases_chain_code_key;
CREATE UNIQUE INDEX cases_chain_code_current_uq ON cases_chain (code) WHERE retired_at IS NULL;
CREATE INDEX cases_case_chain_idx ON cases_case (chain_id);
