-- Register (M1, issue 13): household economics over time.
--
-- Every row is kept: a correction retires the row (retired_at, retired_by) and inserts its
-- replacement (replaces = the retired row's id); a deletion only retires it. So the file as it
-- stood on any date reads the rows recorded before the end of that date and not retired by
-- then, exactly like the household snapshots in registry_change.
--
-- Amounts are entered as they were given and never converted: a yearly income stays a yearly
-- figure; monthly views divide where they are asked for (nothing rounded is stored).

-- Income items of a member, for one month (period_start = its first day) or one year (1 January).
CREATE TABLE registry_income_item (
    id            BIGSERIAL      PRIMARY KEY,
    household_id  BIGINT         NOT NULL REFERENCES registry_household (id),
    member_id     BIGINT         NOT NULL REFERENCES registry_member (id),
    kind          VARCHAR(10)    NOT NULL CHECK (kind IN ('WAGE', 'BUSINESS', 'FARMING', 'PROPERTY', 'TRANSFER', 'PENSION', 'OTHER')),
    period        VARCHAR(5)     NOT NULL CHECK (period IN ('MONTH', 'YEAR')),
    period_start  DATE           NOT NULL,
    amount        NUMERIC(14, 2) NOT NULL CHECK (amount >= 0),
    source        VARCHAR(13)    NOT NULL CHECK (source IN ('FORM', 'IMPORT', 'VISIT', 'INVESTIGATION', 'CROSSCHECK')),
    note          VARCHAR(500),
    -- TRUE for an item that mirrors the member's current monthly figure (the five income columns of
    -- registry_member, kept by the member form, the API and the import); only these follow the columns
    mirrored      BOOLEAN        NOT NULL DEFAULT FALSE,
    replaces      BIGINT         REFERENCES registry_income_item (id),
    recorded_at   TIMESTAMPTZ    NOT NULL DEFAULT now(),
    recorded_by   VARCHAR(50)    NOT NULL,
    retired_at    TIMESTAMPTZ,
    retired_by    VARCHAR(50),
    CONSTRAINT registry_income_item_period_start CHECK (extract(day FROM period_start) = 1
        AND (period = 'MONTH' OR extract(month FROM period_start) = 1))
);
CREATE INDEX registry_income_item_household_idx ON registry_income_item (household_id, period_start);
-- one current figure per member, kind and period; a month and its year are kept apart by the façade
CREATE UNIQUE INDEX registry_income_item_current_uq ON registry_income_item (member_id, kind, period, period_start)
    WHERE retired_at IS NULL;

-- Essential spending of a household for a calendar year (several rows of a kind add up).
CREATE TABLE registry_spending (
    id            BIGSERIAL      PRIMARY KEY,
    household_id  BIGINT         NOT NULL REFERENCES registry_household (id),
    kind          VARCHAR(10)    NOT NULL CHECK (kind IN ('MEDICAL', 'SCHOOLING', 'RENT', 'CARE', 'OTHER')),
    year          SMALLINT       NOT NULL CHECK (year BETWEEN 1990 AND 2200),
    amount        NUMERIC(14, 2) NOT NULL CHECK (amount >= 0),
    note          VARCHAR(500),
    evidence      VARCHAR(200),
    replaces      BIGINT         REFERENCES registry_spending (id),
    recorded_at   TIMESTAMPTZ    NOT NULL DEFAULT now(),
    recorded_by   VARCHAR(50)    NOT NULL,
    retired_at    TIMESTAMPTZ,
    retired_by    VARCHAR(50)
);
CREATE INDEX registry_spending_household_idx ON registry_spending (household_id, year);

-- Sudden costs: accident, disaster, sudden major illness; covered = paid by insurance or others.
CREATE TABLE registry_sudden_cost (
    id            BIGSERIAL      PRIMARY KEY,
    household_id  BIGINT         NOT NULL REFERENCES registry_household (id),
    kind          VARCHAR(13)    NOT NULL CHECK (kind IN ('ACCIDENT', 'DISASTER', 'MAJOR_ILLNESS')),
    occurred_on   DATE           NOT NULL,
    amount        NUMERIC(14, 2) NOT NULL CHECK (amount >= 0),
    covered       NUMERIC(14, 2) NOT NULL DEFAULT 0 CHECK (covered >= 0),
    note          VARCHAR(500),
    replaces      BIGINT         REFERENCES registry_sudden_cost (id),
    recorded_at   TIMESTAMPTZ    NOT NULL DEFAULT now(),
    recorded_by   VARCHAR(50)    NOT NULL,
    retired_at    TIMESTAMPTZ,
    retired_by    VARCHAR(50),
    CONSTRAINT registry_sudden_cost_covered CHECK (covered <= amount)
);
CREATE INDEX registry_sudden_cost_household_idx ON registry_sudden_cost (household_id, occurred_on);

-- Assets as plans test them, each with the date its figure is known from.
CREATE TABLE registry_asset (
    id            BIGSERIAL      PRIMARY KEY,
    household_id  BIGINT         NOT NULL REFERENCES registry_household (id),
    kind          VARCHAR(16)    NOT NULL CHECK (kind IN ('VEHICLE', 'SAVINGS', 'EXTRA_HOME', 'BUSINESS', 'LUXURY_PURCHASE')),
    vehicle_kind  VARCHAR(10)    CHECK (vehicle_kind IN ('CAR', 'TRUCK', 'MOTORCYCLE', 'FARM', 'OTHER')),
    value         NUMERIC(14, 2) CHECK (value >= 0),
    as_of         DATE           NOT NULL,
    description   VARCHAR(200),
    replaces      BIGINT         REFERENCES registry_asset (id),
    recorded_at   TIMESTAMPTZ    NOT NULL DEFAULT now(),
    recorded_by   VARCHAR(50)    NOT NULL,
    retired_at    TIMESTAMPTZ,
    retired_by    VARCHAR(50),
    CONSTRAINT registry_asset_vehicle_kind CHECK ((kind = 'VEHICLE') = (vehicle_kind IS NOT NULL))
);
CREATE INDEX registry_asset_household_idx ON registry_asset (household_id);

-- The current monthly figures of members (the five columns of registry_member) become monthly
-- items of the month this migration runs in (business time zone), source FORM.
INSERT INTO registry_income_item (household_id, member_id, kind, period, period_start, amount, source, mirrored, recorded_at, recorded_by)
SELECT m.household_id, m.id, v.kind, 'MONTH',
       CAST(date_trunc('month', now() AT TIME ZONE 'Asia/Shanghai') AS date), v.amount, 'FORM', TRUE, m.updated_at, 'migration'
FROM registry_member m
CROSS JOIN LATERAL (VALUES ('WAGE', m.income_wage), ('BUSINESS', m.income_business), ('PROPERTY', m.income_property),
                           ('TRANSFER', m.income_transfer), ('PENSION', m.income_pension)) AS v(kind, amount)
WHERE m.active AND v.amount > 0;
