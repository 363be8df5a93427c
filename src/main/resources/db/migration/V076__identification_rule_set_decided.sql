-- Whether any decision was ever stored under a rule-set version: a batch for a rule set none of
-- whose versions has decided anything has nothing to supersede and inserts plainly. Answered
-- from the few rule-set rows instead of scanning a decision table of many millions.
ALTER TABLE identification_rule_set ADD COLUMN decided BOOLEAN NOT NULL DEFAULT FALSE;
UPDATE identification_rule_set rs SET decided = TRUE
WHERE EXISTS (SELECT 1 FROM identification_decision d WHERE d.rule_set_id = rs.id);
