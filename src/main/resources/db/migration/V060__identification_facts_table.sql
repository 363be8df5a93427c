-- Identification: the facts of every open household (not closed), kept current by identification
-- itself, so what-if and the batch read one narrow row per household instead of aggregating the
-- members on every run. One column per rule fact (same name as in the rules and in FactsQuery):
-- counts as integer, amounts and areas as numeric, yes/no as boolean.
--
-- Kept current set-based: registry events (one household, or one statement per import chunk);
-- rows for households written around the façade (bulk SQL loads) are (re)computed by
-- FactsTable.refreshAll / the batch's per-chunk check of household_version.
-- Ages depend on the date: a row holds the facts as of computed_on and stays right until
-- valid_until, the first day on which a member turns 18 or 60 ('infinity' when none will);
-- rows past it are recomputed before they are read.
CREATE TABLE identification_facts (
    household_id               BIGINT      PRIMARY KEY,
    organisation_id            BIGINT      NOT NULL,
    region_code                VARCHAR(12) NOT NULL,
    household_version          INTEGER     NOT NULL,
    computed_on                DATE        NOT NULL,
    valid_until                DATE        NOT NULL,
    size                       INTEGER NOT NULL,
    earner_count               INTEGER NOT NULL,
    vehicles                   INTEGER NOT NULL,
    healthy_count              INTEGER NOT NULL,
    chronic_count              INTEGER NOT NULL,
    major_illness_count        INTEGER NOT NULL,
    disabled_count             INTEGER NOT NULL,
    severely_disabled_count    INTEGER NOT NULL,
    preschool_count            INTEGER NOT NULL,
    compulsory_school_count    INTEGER NOT NULL,
    senior_school_count        INTEGER NOT NULL,
    higher_education_count     INTEGER NOT NULL,
    student_count              INTEGER NOT NULL,
    minor_count                INTEGER NOT NULL,
    working_age_count          INTEGER NOT NULL,
    elderly_count              INTEGER NOT NULL,
    employed_count             INTEGER NOT NULL,
    unemployed_count           INTEGER NOT NULL,
    retired_count              INTEGER NOT NULL,
    unable_to_work_count       INTEGER NOT NULL,
    special_member_count       INTEGER NOT NULL,
    income_month               NUMERIC NOT NULL,
    income_year                NUMERIC NOT NULL,
    per_capita_income_month    NUMERIC NOT NULL,
    per_capita_income_year     NUMERIC NOT NULL,
    rent_year                  NUMERIC NOT NULL,
    medical_spending_year      NUMERIC NOT NULL,
    schooling_spending_year    NUMERIC NOT NULL,
    essential_spending_year    NUMERIC NOT NULL,
    net_income_year            NUMERIC NOT NULL,
    savings                    NUMERIC NOT NULL,
    floor_area                 NUMERIC NOT NULL,
    own_home                   BOOLEAN NOT NULL,
    renting                    BOOLEAN NOT NULL,
    has_business               BOOLEAN NOT NULL,
    zero_employment            BOOLEAN NOT NULL,
    single_parent              BOOLEAN NOT NULL,
    rural_hukou                BOOLEAN NOT NULL,
    cause_illness              BOOLEAN NOT NULL,
    cause_disability           BOOLEAN NOT NULL,
    cause_schooling            BOOLEAN NOT NULL,
    cause_single_parent        BOOLEAN NOT NULL,
    cause_accident             BOOLEAN NOT NULL,
    cause_unemployment         BOOLEAN NOT NULL,
    cause_disaster             BOOLEAN NOT NULL,
    cause_housing              BOOLEAN NOT NULL,
    cause_lack_of_labour       BOOLEAN NOT NULL,
    cause_other                BOOLEAN NOT NULL,
    cat_dibao                  BOOLEAN NOT NULL,
    cat_destitute              BOOLEAN NOT NULL,
    cat_near_dibao             BOOLEAN NOT NULL,
    cat_expenditure_hardship   BOOLEAN NOT NULL,
    cat_hardship_worker        BOOLEAN NOT NULL,
    cat_vulnerable_child       BOOLEAN NOT NULL,
    cat_orphan                 BOOLEAN NOT NULL,
    cat_elderly_alone          BOOLEAN NOT NULL,
    cat_empty_nest             BOOLEAN NOT NULL,
    cat_disabled               BOOLEAN NOT NULL,
    cat_entitled_group         BOOLEAN NOT NULL,
    cat_military_family        BOOLEAN NOT NULL
);
CREATE INDEX identification_facts_organisation_idx ON identification_facts (organisation_id, region_code);
CREATE INDEX identification_facts_valid_until_idx ON identification_facts (valid_until);
CREATE INDEX identification_facts_computed_on_idx ON identification_facts (computed_on);
