-- Identification: a correction replaces the figure it corrects for its whole period.
-- A figure is identified by its kind, region and start date; a later version with the same
-- three is a correction (it may change the value, shorten, end or re-open the period). Only the
-- latest version of each figure is in force: the figures are still never changed or deleted,
-- this view leaves out the ones that have been corrected.
CREATE VIEW identification_standard_in_force AS
SELECT s.*
FROM identification_standard s
WHERE NOT EXISTS (SELECT 1 FROM identification_standard c
                  WHERE c.kind = s.kind AND c.region_prefix = s.region_prefix
                    AND c.effective_from = s.effective_from AND c.version > s.version);
