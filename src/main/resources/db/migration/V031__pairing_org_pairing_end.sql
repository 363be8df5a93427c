-- Ending an organisation-to-organisation pairing (plan 8, plan 12): why, a note, who ended it.
-- The helper's place in that year's quota is given back (pairing_org_quota.used goes down).
ALTER TABLE pairing_org_pairing
    ADD COLUMN end_reason VARCHAR(20) CHECK (end_reason IN ('TERM_COMPLETED', 'GOALS_MET', 'REASSIGNED', 'OTHER')),
    ADD COLUMN end_note   VARCHAR(500),
    ADD COLUMN ended_by   VARCHAR(50),
    ADD CONSTRAINT pairing_org_pairing_end CHECK ((ended_on IS NULL) = (end_reason IS NULL)),
    ADD CONSTRAINT pairing_org_pairing_dates CHECK (ended_on IS NULL OR ended_on >= started_on);
