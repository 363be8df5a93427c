-- Identification (issue 13): the household's income of each of the last 12 months, one column
-- each in the maintained facts table. Rules read the per-capita months as these ÷ size exactly
-- (and the monthly essential spending as the year's ÷ 12), never the stored rounded figures.
-- Existing rows get 0 and a validity that makes them recomputed before they are read.
ALTER TABLE identification_facts
    ADD COLUMN income_m1  NUMERIC NOT NULL DEFAULT 0,
    ADD COLUMN income_m2  NUMERIC NOT NULL DEFAULT 0,
    ADD COLUMN income_m3  NUMERIC NOT NULL DEFAULT 0,
    ADD COLUMN income_m4  NUMERIC NOT NULL DEFAULT 0,
    ADD COLUMN income_m5  NUMERIC NOT NULL DEFAULT 0,
    ADD COLUMN income_m6  NUMERIC NOT NULL DEFAULT 0,
    ADD COLUMN income_m7  NUMERIC NOT NULL DEFAULT 0,
    ADD COLUMN income_m8  NUMERIC NOT NULL DEFAULT 0,
    ADD COLUMN income_m9  NUMERIC NOT NULL DEFAULT 0,
    ADD COLUMN income_m10 NUMERIC NOT NULL DEFAULT 0,
    ADD COLUMN income_m11 NUMERIC NOT NULL DEFAULT 0,
    ADD COLUMN income_m12 NUMERIC NOT NULL DEFAULT 0;

UPDATE identification_facts SET valid_until = computed_on;
