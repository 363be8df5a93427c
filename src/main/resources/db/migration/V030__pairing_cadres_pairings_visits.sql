-- Pairing and visits (M7, M8, M12, M14): cadres, household pairings with a hard cap per cadre,
-- organisation-to-organisation pairings, visits with the plan-7 checklist and photos, visit
-- policies, measures, assistance agreements and the head's ledger confirmations.
-- Households are the register's (registry_household); this module only refers to them.

-- Per-organisation settings; an organisation without a row inherits its nearest ancestor's,
-- and the defaults (5 households, 12 months) apply when no ancestor has one.
CREATE TABLE pairing_setting (
    organisation_id   BIGINT   PRIMARY KEY REFERENCES organisation (id),
    cadre_cap         SMALLINT NOT NULL CHECK (cadre_cap BETWEEN 1 AND 50),
    min_term_months   SMALLINT NOT NULL CHECK (min_term_months BETWEEN 0 AND 120),
    org_capacity      SMALLINT CHECK (org_capacity BETWEEN 0 AND 100),
    updated_at        TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_by        VARCHAR(50) NOT NULL
);

-- A cadre: a user (user_id) or a person without a login recorded by the organisation.
-- active_households is the number of active pairings; it only changes through a conditional
-- UPDATE on this row ("… WHERE active_households + :n <= :cap"), so two concurrent
-- assignments serialise on the row lock and the cap holds; the CHECK keeps it consistent.
CREATE TABLE pairing_cadre (
    id                BIGSERIAL    PRIMARY KEY,
    organisation_id   BIGINT       NOT NULL REFERENCES organisation (id),
    user_id           BIGINT       UNIQUE REFERENCES identity_user (id),
    name              VARCHAR(50)  NOT NULL,
    phone             VARCHAR(20),
    position          VARCHAR(100),
    active            BOOLEAN      NOT NULL DEFAULT TRUE,
    active_households INTEGER      NOT NULL DEFAULT 0 CHECK (active_households BETWEEN 0 AND 50),
    created_at        TIMESTAMPTZ  NOT NULL DEFAULT now(),
    created_by        VARCHAR(50)  NOT NULL
);
CREATE INDEX pairing_cadre_organisation_idx ON pairing_cadre (organisation_id);

CREATE TABLE pairing_pairing (
    id              BIGSERIAL    PRIMARY KEY,
    cadre_id        BIGINT       NOT NULL REFERENCES pairing_cadre (id),
    household_id    BIGINT       NOT NULL REFERENCES registry_household (id),
    organisation_id BIGINT       NOT NULL REFERENCES organisation (id),
    type            VARCHAR(12)  NOT NULL CHECK (type IN ('ONE_TO_ONE', 'ONE_TO_MANY')),
    started_on      DATE         NOT NULL,
    planned_end_on  DATE,
    ended_on        DATE,
    end_reason      VARCHAR(20)  CHECK (end_reason IN ('TERM_COMPLETED', 'CADRE_DEACTIVATED', 'CADRE_TRANSFERRED',
                                                       'REASSIGNED', 'HOUSEHOLD_EXITED', 'HOUSEHOLD_CLOSED', 'OTHER')),
    end_note        VARCHAR(500),
    ended_early     BOOLEAN      NOT NULL DEFAULT FALSE,
    created_at      TIMESTAMPTZ  NOT NULL DEFAULT now(),
    created_by      VARCHAR(50)  NOT NULL,
    ended_by        VARCHAR(50),
    CONSTRAINT pairing_pairing_end CHECK ((ended_on IS NULL) = (end_reason IS NULL)),
    CONSTRAINT pairing_pairing_dates CHECK (ended_on IS NULL OR ended_on >= started_on)
);
-- No gaps and no doubles: a household has at most one active pairing.
CREATE UNIQUE INDEX pairing_pairing_household_active_uq ON pairing_pairing (household_id) WHERE ended_on IS NULL;
CREATE INDEX pairing_pairing_household_idx ON pairing_pairing (household_id, ended_on);
CREATE INDEX pairing_pairing_cadre_idx ON pairing_pairing (cadre_id) WHERE ended_on IS NULL;

-- Organisation-to-organisation pairing (plan 8, plan 12): the helper helps a number of
-- organisations per year, capped by its level (province 3, city 2, county and below 1) unless
-- pairing_setting.org_capacity says otherwise. The counter row per helper and year serialises
-- concurrent assignments like the cadre counter.
CREATE TABLE pairing_org_pairing (
    id              BIGSERIAL    PRIMARY KEY,
    helper_id       BIGINT       NOT NULL REFERENCES organisation (id),
    helped_id       BIGINT       NOT NULL REFERENCES organisation (id),
    year            SMALLINT     NOT NULL,
    started_on      DATE         NOT NULL,
    ended_on        DATE,
    note            VARCHAR(500),
    created_at      TIMESTAMPTZ  NOT NULL DEFAULT now(),
    created_by      VARCHAR(50)  NOT NULL,
    CONSTRAINT pairing_org_pairing_self CHECK (helper_id <> helped_id)
);
CREATE UNIQUE INDEX pairing_org_pairing_uq ON pairing_org_pairing (helper_id, helped_id, year);

CREATE TABLE pairing_org_quota (
    helper_id BIGINT   NOT NULL REFERENCES organisation (id),
    year      SMALLINT NOT NULL,
    used      SMALLINT NOT NULL DEFAULT 0 CHECK (used >= 0),
    PRIMARY KEY (helper_id, year)
);

-- Visit frequency: per organisation (inherited by its subtree), optionally for one household
-- category. MONTHLY and QUARTERLY are calendar periods; DAYS is a rolling interval.
CREATE TABLE pairing_visit_policy (
    id              BIGSERIAL    PRIMARY KEY,
    organisation_id BIGINT       NOT NULL REFERENCES organisation (id),
    category        VARCHAR(30),
    frequency       VARCHAR(10)  NOT NULL CHECK (frequency IN ('MONTHLY', 'QUARTERLY', 'DAYS')),
    interval_days   SMALLINT     CHECK (interval_days BETWEEN 1 AND 366),
    created_at      TIMESTAMPTZ  NOT NULL DEFAULT now(),
    created_by      VARCHAR(50)  NOT NULL,
    CONSTRAINT pairing_visit_policy_days CHECK ((frequency = 'DAYS') = (interval_days IS NOT NULL))
);
CREATE UNIQUE INDEX pairing_visit_policy_uq ON pairing_visit_policy (organisation_id, coalesce(category, ''));

-- A visit. client_key is made by the browser for each draft so that a retried submission
-- (offline, lost answer) records the visit once. The checklist columns are the plan-7
-- indicators: TRUE met, FALSE not met, NULL not checked on this visit.
CREATE TABLE pairing_visit (
    id               BIGSERIAL    PRIMARY KEY,
    household_id     BIGINT       NOT NULL REFERENCES registry_household (id),
    organisation_id  BIGINT       NOT NULL REFERENCES organisation (id),
    cadre_id         BIGINT       REFERENCES pairing_cadre (id),
    visited_on       DATE         NOT NULL,
    kind             VARCHAR(6)   NOT NULL CHECK (kind IN ('HOME', 'PHONE', 'GROUP')),
    visitors         VARCHAR(200) NOT NULL,
    findings         VARCHAR(4000),
    problems         VARCHAR(4000),
    measures_agreed  VARCHAR(4000),
    income_above_line BOOLEAN,
    food             BOOLEAN,
    clothing         BOOLEAN,
    housing_safe     BOOLEAN,
    medical_cover    BOOLEAN,
    no_dropout       BOOLEAN,
    safe_water       BOOLEAN,
    electricity      BOOLEAN,
    radio_tv         BOOLEAN,
    client_key       VARCHAR(40)  UNIQUE,
    recorded_at      TIMESTAMPTZ  NOT NULL DEFAULT now(),
    recorded_by      VARCHAR(50)  NOT NULL
);
CREATE INDEX pairing_visit_household_idx ON pairing_visit (household_id, visited_on DESC, id DESC);
CREATE INDEX pairing_visit_cadre_idx ON pairing_visit (cadre_id);

CREATE TABLE pairing_visit_photo (
    id           BIGSERIAL    PRIMARY KEY,
    visit_id     BIGINT       NOT NULL REFERENCES pairing_visit (id),
    path         VARCHAR(300) NOT NULL,
    content_type VARCHAR(30)  NOT NULL,
    width        INTEGER      NOT NULL,
    height       INTEGER      NOT NULL,
    bytes        BIGINT       NOT NULL,
    created_at   TIMESTAMPTZ  NOT NULL DEFAULT now()
);
CREATE INDEX pairing_visit_photo_visit_idx ON pairing_visit_photo (visit_id);

-- A measure (帮扶措施) with the state before and the target after (plan 5: both required).
CREATE TABLE pairing_measure (
    id              BIGSERIAL     PRIMARY KEY,
    household_id    BIGINT        NOT NULL REFERENCES registry_household (id),
    organisation_id BIGINT        NOT NULL REFERENCES organisation (id),
    visit_id        BIGINT        REFERENCES pairing_visit (id),
    type            VARCHAR(20)   NOT NULL CHECK (type IN ('EMPLOYMENT', 'EDUCATION', 'MEDICAL', 'HOUSING', 'INDUSTRY',
                                                          'POLICY_APPLICATION', 'DONATION', 'OTHER')),
    before_state    VARCHAR(1000) NOT NULL CHECK (length(trim(before_state)) > 0),
    target_after    VARCHAR(1000) NOT NULL CHECK (length(trim(target_after)) > 0),
    owner           VARCHAR(100)  NOT NULL,
    due_on          DATE,
    status          VARCHAR(12)   NOT NULL DEFAULT 'PLANNED'
                    CHECK (status IN ('PLANNED', 'IN_PROGRESS', 'DONE', 'CANCELLED')),
    result          VARCHAR(2000),
    created_at      TIMESTAMPTZ   NOT NULL DEFAULT now(),
    created_by      VARCHAR(50)   NOT NULL,
    updated_at      TIMESTAMPTZ   NOT NULL DEFAULT now(),
    updated_by      VARCHAR(50)   NOT NULL,
    CONSTRAINT pairing_measure_done_has_result CHECK (status <> 'DONE' OR result IS NOT NULL)
);
CREATE INDEX pairing_measure_household_idx ON pairing_measure (household_id);

-- An assistance agreement (plan 1) with its clauses; signed by an uploaded signed page or by
-- the head of household confirming on screen (who confirmed, who recorded it, when).
CREATE TABLE pairing_agreement (
    id               BIGSERIAL    PRIMARY KEY,
    household_id     BIGINT       NOT NULL REFERENCES registry_household (id),
    organisation_id  BIGINT       NOT NULL REFERENCES organisation (id),
    title            VARCHAR(200) NOT NULL,
    period_from      DATE         NOT NULL,
    period_to        DATE,
    signed_how       VARCHAR(10)  CHECK (signed_how IN ('UPLOAD', 'ON_SCREEN')),
    signed_by_head   VARCHAR(50),
    signed_at        TIMESTAMPTZ,
    signed_recorded_by VARCHAR(50),
    signed_file      VARCHAR(300),
    signed_file_type VARCHAR(30),
    created_at       TIMESTAMPTZ  NOT NULL DEFAULT now(),
    created_by       VARCHAR(50)  NOT NULL,
    CONSTRAINT pairing_agreement_signed CHECK ((signed_how IS NULL) = (signed_at IS NULL)),
    CONSTRAINT pairing_agreement_upload CHECK (signed_how IS DISTINCT FROM 'UPLOAD' OR signed_file IS NOT NULL)
);
CREATE INDEX pairing_agreement_household_idx ON pairing_agreement (household_id);

CREATE TABLE pairing_agreement_clause (
    id           BIGSERIAL     PRIMARY KEY,
    agreement_id BIGINT        NOT NULL REFERENCES pairing_agreement (id),
    position     SMALLINT      NOT NULL,
    text         VARCHAR(1000) NOT NULL,
    owner        VARCHAR(100)  NOT NULL,
    due_on       DATE,
    status       VARCHAR(10)   NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN', 'DONE', 'CANCELLED')),
    done_on      DATE,
    UNIQUE (agreement_id, position)
);

-- The head of household confirms the ledger of a period (e.g. a quarter or a year).
CREATE TABLE pairing_ledger_confirmation (
    id            BIGSERIAL    PRIMARY KEY,
    household_id  BIGINT       NOT NULL REFERENCES registry_household (id),
    period_from   DATE         NOT NULL,
    period_to     DATE         NOT NULL,
    head_name     VARCHAR(50)  NOT NULL,
    note          VARCHAR(500),
    confirmed_at  TIMESTAMPTZ  NOT NULL DEFAULT now(),
    recorded_by   VARCHAR(50)  NOT NULL,
    CONSTRAINT pairing_ledger_confirmation_period CHECK (period_to >= period_from)
);
CREATE INDEX pairing_ledger_confirmation_household_idx ON pairing_ledger_confirmation (household_id);
