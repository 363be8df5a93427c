-- Register (M1): household statuses. A file starts as a draft (草稿) or filed (在档); a filed
-- file can be marked exited (已脱困) with a date and note, or closed with a reason.
--
-- filed_at: when the file was filed (NULL exactly while it is a draft). The default keeps
-- writers that insert filed households without naming the column (batched imports, COPY) valid.
-- Drafts hold no row in registry_person: a person is locked to one household only once that
-- household is filed (FILED or EXITED); filing a draft inserts its members' rows there, and the
-- primary key of registry_person stays the enforcement of one person, one active household.
ALTER TABLE registry_household
    ADD COLUMN filed_at  TIMESTAMPTZ DEFAULT now(),
    ADD COLUMN exit_date DATE,
    ADD COLUMN exit_note VARCHAR(500);

UPDATE registry_household SET filed_at = created_at WHERE status <> 'DRAFT';
UPDATE registry_household SET filed_at = NULL WHERE status = 'DRAFT';

ALTER TABLE registry_household
    ADD CONSTRAINT registry_household_filed_at CHECK ((status = 'DRAFT') = (filed_at IS NULL)),
    ADD CONSTRAINT registry_household_exit_date CHECK ((status = 'EXITED') = (exit_date IS NOT NULL));
