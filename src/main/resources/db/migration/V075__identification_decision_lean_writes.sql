-- Decisions are written a million at a time by the batch; every row paid for two foreign-key
-- checks (each locking its household row, which dirtied every household page) and two
-- partial indexes that no frequent read needs.
-- * Households and rule-set versions are never deleted (files are closed, versions retired),
--   and decisions are only written by statements that read the household and the rule set
--   they refer to, so the references cannot dangle.
-- * The region index served only "mark stale after a standard change" (a rare administrative
--   write that may scan); the (rule set, outcome) index served list filters, which page
--   through the current-decision index in household order instead.
ALTER TABLE identification_decision DROP CONSTRAINT identification_decision_household_id_fkey;
ALTER TABLE identification_decision DROP CONSTRAINT identification_decision_rule_set_id_fkey;
DROP INDEX identification_decision_region_idx;
DROP INDEX identification_decision_rule_set_idx;
-- A household's history: the current decisions through the current-decision index, the
-- superseded ones through an index of superseded rows only, so a new decision (written
-- current) updates two indexes instead of three; superseding moves it to this one.
DROP INDEX identification_decision_household_idx;
CREATE INDEX identification_decision_superseded_idx ON identification_decision (household_id) WHERE NOT current;
