-- Identification (issue 13): the facts that come from the register's economics records
-- (registry_income_item, registry_spending, registry_sudden_cost, registry_asset), one column
-- each in the maintained facts table, same names as in the rules and in FactsQuery. They depend
-- on the evaluation month, so a row is now valid until the first day of the next month at most.
-- Existing rows get 0 / FALSE and a validity that makes them recomputed before they are read.
ALTER TABLE identification_facts
    ADD COLUMN income_12m                          NUMERIC NOT NULL DEFAULT 0,
    ADD COLUMN per_capita_income_12m               NUMERIC NOT NULL DEFAULT 0,
    ADD COLUMN income_last_year                    NUMERIC NOT NULL DEFAULT 0,
    ADD COLUMN per_capita_income_last_year         NUMERIC NOT NULL DEFAULT 0,
    ADD COLUMN per_capita_income_m1                NUMERIC NOT NULL DEFAULT 0,
    ADD COLUMN per_capita_income_m2                NUMERIC NOT NULL DEFAULT 0,
    ADD COLUMN per_capita_income_m3                NUMERIC NOT NULL DEFAULT 0,
    ADD COLUMN per_capita_income_m4                NUMERIC NOT NULL DEFAULT 0,
    ADD COLUMN per_capita_income_m5                NUMERIC NOT NULL DEFAULT 0,
    ADD COLUMN per_capita_income_m6                NUMERIC NOT NULL DEFAULT 0,
    ADD COLUMN per_capita_income_m7                NUMERIC NOT NULL DEFAULT 0,
    ADD COLUMN per_capita_income_m8                NUMERIC NOT NULL DEFAULT 0,
    ADD COLUMN per_capita_income_m9                NUMERIC NOT NULL DEFAULT 0,
    ADD COLUMN per_capita_income_m10               NUMERIC NOT NULL DEFAULT 0,
    ADD COLUMN per_capita_income_m11               NUMERIC NOT NULL DEFAULT 0,
    ADD COLUMN per_capita_income_m12               NUMERIC NOT NULL DEFAULT 0,
    ADD COLUMN care_spending_year                  NUMERIC NOT NULL DEFAULT 0,
    ADD COLUMN other_spending_year                 NUMERIC NOT NULL DEFAULT 0,
    ADD COLUMN essential_spending_month            NUMERIC NOT NULL DEFAULT 0,
    ADD COLUMN per_capita_essential_spending_year  NUMERIC NOT NULL DEFAULT 0,
    ADD COLUMN essential_spending_last_year        NUMERIC NOT NULL DEFAULT 0,
    ADD COLUMN sudden_costs_year                   NUMERIC NOT NULL DEFAULT 0,
    ADD COLUMN sudden_costs_12m                    NUMERIC NOT NULL DEFAULT 0,
    ADD COLUMN vehicle_value                       NUMERIC NOT NULL DEFAULT 0,
    ADD COLUMN recorded_savings                    NUMERIC NOT NULL DEFAULT 0,
    ADD COLUMN extra_homes                         INTEGER NOT NULL DEFAULT 0,
    ADD COLUMN registered_businesses               INTEGER NOT NULL DEFAULT 0,
    ADD COLUMN luxury_purchase_12m                 BOOLEAN NOT NULL DEFAULT FALSE;

UPDATE identification_facts SET valid_until = computed_on;
