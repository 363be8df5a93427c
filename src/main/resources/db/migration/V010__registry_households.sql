-- Register (M1): households and their members, one file per household (一户一档).
-- No triggers: a later streaming import writes these tables with batched INSERTs or COPY.
-- Vocabularies are checked here so imported rows obey the same rules as the façade.

CREATE TABLE registry_household (
    id                  BIGSERIAL     PRIMARY KEY,
    organisation_id     BIGINT        NOT NULL REFERENCES organisation (id),
    region_code         VARCHAR(12)   NOT NULL REFERENCES organisation_region (code),
    file_no             VARCHAR(40)   NOT NULL,
    address             VARCHAR(200),
    status              VARCHAR(10)   NOT NULL DEFAULT 'FILED'
                        CHECK (status IN ('DRAFT', 'FILED', 'EXITED', 'CLOSED')),
    close_reason        VARCHAR(12)   CHECK (close_reason IN ('DEATH', 'TRANSFER', 'RETIREMENT', 'OTHER')),
    close_note          VARCHAR(500),
    main_cause          VARCHAR(20),
    secondary_causes    TEXT[]        NOT NULL DEFAULT '{}' CHECK (cardinality(secondary_causes) <= 3),
    categories          TEXT[]        NOT NULL DEFAULT '{}',
    housing_type        VARCHAR(10)   CHECK (housing_type IN ('OWN', 'RENTED', 'BORROWED', 'NONE')),
    floor_area          NUMERIC(8, 2) CHECK (floor_area >= 0),
    annual_rent         NUMERIC(12, 2) CHECK (annual_rent >= 0),
    vehicles            INTEGER       NOT NULL DEFAULT 0 CHECK (vehicles >= 0),
    savings             NUMERIC(14, 2) CHECK (savings >= 0),
    business            VARCHAR(200),
    bank_name           VARCHAR(100),
    bank_account_masked VARCHAR(40),
    bank_account_hash   CHAR(64),
    bank_account_enc    TEXT,
    phone               VARCHAR(20),
    remarks             VARCHAR(1000),
    version             INTEGER       NOT NULL DEFAULT 0,
    created_at          TIMESTAMPTZ   NOT NULL DEFAULT now(),
    created_by          VARCHAR(50)   NOT NULL,
    updated_at          TIMESTAMPTZ   NOT NULL DEFAULT now(),
    updated_by          VARCHAR(50)   NOT NULL,
    CONSTRAINT registry_household_close_reason CHECK ((status = 'CLOSED') = (close_reason IS NOT NULL))
);
CREATE UNIQUE INDEX registry_household_file_no_uq ON registry_household (organisation_id, file_no);
CREATE INDEX registry_household_region_idx ON registry_household (region_code text_pattern_ops);
CREATE INDEX registry_household_status_idx ON registry_household (status);
CREATE INDEX registry_household_phone_idx ON registry_household (phone);
CREATE INDEX registry_household_categories_idx ON registry_household USING gin (categories);

CREATE TABLE registry_member (
    id                BIGSERIAL     PRIMARY KEY,
    household_id      BIGINT        NOT NULL REFERENCES registry_household (id),
    name              VARCHAR(50)   NOT NULL,
    id_number_hash    CHAR(64)      NOT NULL,
    id_number_enc     TEXT          NOT NULL,
    id_number_masked  VARCHAR(18)   NOT NULL,
    birth_date        DATE          NOT NULL,
    sex               CHAR(1)       NOT NULL CHECK (sex IN ('M', 'F')),
    relation          VARCHAR(16)   NOT NULL CHECK (relation IN ('HEAD', 'SPOUSE', 'SON', 'DAUGHTER', 'FATHER', 'MOTHER',
                                      'DAUGHTER_IN_LAW', 'SON_IN_LAW', 'GRANDSON', 'GRANDDAUGHTER', 'SIBLING', 'OTHER')),
    ethnicity         VARCHAR(20),
    marital_status    VARCHAR(20),
    hukou_type        VARCHAR(20),
    employment        VARCHAR(12)   CHECK (employment IN ('EMPLOYED', 'FLEXIBLE', 'LAID_OFF', 'UNEMPLOYED', 'RETIRED',
                                      'UNABLE', 'STUDENT', 'PRESCHOOL')),
    employer          VARCHAR(100),
    phone             VARCHAR(20),
    income_wage       NUMERIC(12, 2) NOT NULL DEFAULT 0 CHECK (income_wage >= 0),
    income_business   NUMERIC(12, 2) NOT NULL DEFAULT 0 CHECK (income_business >= 0),
    income_property   NUMERIC(12, 2) NOT NULL DEFAULT 0 CHECK (income_property >= 0),
    income_transfer   NUMERIC(12, 2) NOT NULL DEFAULT 0 CHECK (income_transfer >= 0),
    income_pension    NUMERIC(12, 2) NOT NULL DEFAULT 0 CHECK (income_pension >= 0),
    health            VARCHAR(14)   NOT NULL DEFAULT 'HEALTHY'
                      CHECK (health IN ('HEALTHY', 'CHRONIC', 'MAJOR_ILLNESS', 'DISABLED')),
    disease           VARCHAR(100),
    disability_kind   VARCHAR(40),
    disability_grade  SMALLINT      CHECK (disability_grade BETWEEN 1 AND 4),
    schooling         VARCHAR(14)   CHECK (schooling IN ('PRESCHOOL', 'PRIMARY', 'JUNIOR', 'SENIOR', 'VOCATIONAL',
                                      'COLLEGE', 'BACHELOR', 'POSTGRADUATE')),
    school            VARCHAR(100),
    medical_insurance VARCHAR(40),
    categories        TEXT[]        NOT NULL DEFAULT '{}',
    active            BOOLEAN       NOT NULL DEFAULT TRUE,
    created_at        TIMESTAMPTZ   NOT NULL DEFAULT now(),
    updated_at        TIMESTAMPTZ   NOT NULL DEFAULT now(),
    CONSTRAINT registry_member_grade_needs_disability CHECK (disability_grade IS NULL OR health = 'DISABLED')
);
CREATE INDEX registry_member_household_idx ON registry_member (household_id);
CREATE INDEX registry_member_hash_idx ON registry_member (id_number_hash);
CREATE INDEX registry_member_name_idx ON registry_member (name text_pattern_ops);
CREATE INDEX registry_member_phone_idx ON registry_member (phone);
-- Exactly one head per household: at most one here, at least one checked by the façade.
CREATE UNIQUE INDEX registry_member_one_head_uq ON registry_member (household_id) WHERE relation = 'HEAD' AND active;

-- One person in at most one active household, across all organisations. A small table keyed by
-- the ID number's keyed hash (nationwide-unique key in its own table, so the big tables can be
-- sharded by region); it holds only active memberships of households that are not closed.
CREATE TABLE registry_person (
    id_number_hash CHAR(64) PRIMARY KEY,
    member_id      BIGINT   NOT NULL UNIQUE REFERENCES registry_member (id),
    household_id   BIGINT   NOT NULL REFERENCES registry_household (id)
);
CREATE INDEX registry_person_household_idx ON registry_person (household_id);

-- Every change to a household, with a full snapshot (household + members, ID numbers masked)
-- in "after", so the file can be read as it stood on any date.
CREATE TABLE registry_change (
    id           BIGSERIAL    PRIMARY KEY,
    household_id BIGINT       NOT NULL REFERENCES registry_household (id),
    changed_at   TIMESTAMPTZ  NOT NULL,
    changed_by   VARCHAR(50)  NOT NULL,
    kind         VARCHAR(30)  NOT NULL,
    before       JSONB,
    after        JSONB        NOT NULL
);
CREATE INDEX registry_change_household_idx ON registry_change (household_id, changed_at, id);
