-- Plan 8: an organisation pairing that was ended may be made again in the same year (e.g. ended
-- by mistake, or the helper takes the same organisation back). Only one ACTIVE pairing per
-- helper, helped organisation and year; ended ones stay as history.
DROP INDEX pairing_org_pairing_uq;
CREATE UNIQUE INDEX pairing_org_pairing_active_uq ON pairing_org_pairing (helper_id, helped_id, year)
    WHERE ended_on IS NULL;
CREATE INDEX pairing_org_pairing_pair_idx ON pairing_org_pairing (helper_id, helped_id, year);
