-- Reporting (issue 20): dashboards from kept tallies, reports up the hierarchy, assessment.

-- Households per (organisation, region, status, main cause) and per (organisation, status, category), kept by
-- statement-level triggers on the register in the same transaction (like registry_household_count, V077), so a
-- dashboard sums a few thousand tally rows instead of scanning the register. Cause '' = none given.
CREATE TABLE reporting_household_tally (
    organisation_id BIGINT      NOT NULL,
    region_code     VARCHAR(12) NOT NULL,
    status          VARCHAR(10) NOT NULL,
    cause           VARCHAR(20) NOT NULL,
    households      BIGINT      NOT NULL,
    PRIMARY KEY (organisation_id, region_code, status, cause)
);

CREATE TABLE reporting_category_tally (
    organisation_id BIGINT      NOT NULL,
    status          VARCHAR(10) NOT NULL,
    category        VARCHAR(30) NOT NULL,
    households      BIGINT      NOT NULL,
    PRIMARY KEY (organisation_id, status, category)
);

INSERT INTO reporting_household_tally (organisation_id, region_code, status, cause, households)
SELECT organisation_id, region_code, status, coalesce(main_cause, ''), count(*)
FROM registry_household GROUP BY 1, 2, 3, 4;

INSERT INTO reporting_category_tally (organisation_id, status, category, households)
SELECT organisation_id, status, c, count(*)
FROM registry_household, unnest(categories) AS c GROUP BY 1, 2, 3;

CREATE FUNCTION reporting_tally_apply() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO reporting_household_tally AS t (organisation_id, region_code, status, cause, households)
        SELECT organisation_id, region_code, status, coalesce(main_cause, ''), count(*) FROM new_rows
        GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
        ON CONFLICT (organisation_id, region_code, status, cause) DO UPDATE SET households = t.households + EXCLUDED.households;
        INSERT INTO reporting_category_tally AS t (organisation_id, status, category, households)
        SELECT organisation_id, status, c, count(*) FROM new_rows, unnest(categories) AS c
        GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
        ON CONFLICT (organisation_id, status, category) DO UPDATE SET households = t.households + EXCLUDED.households;
    ELSIF TG_OP = 'UPDATE' THEN
        INSERT INTO reporting_household_tally AS t (organisation_id, region_code, status, cause, households)
        SELECT organisation_id, region_code, status, cause, sum(delta) FROM (
            SELECT organisation_id, region_code, status, coalesce(main_cause, '') AS cause, -1 AS delta FROM old_rows
            UNION ALL
            SELECT organisation_id, region_code, status, coalesce(main_cause, ''), 1 FROM new_rows) d
        GROUP BY 1, 2, 3, 4 HAVING sum(delta) <> 0 ORDER BY 1, 2, 3, 4
        ON CONFLICT (organisation_id, region_code, status, cause) DO UPDATE SET households = t.households + EXCLUDED.households;
        INSERT INTO reporting_category_tally AS t (organisation_id, status, category, households)
        SELECT organisation_id, status, c, sum(delta) FROM (
            SELECT organisation_id, status, c, -1 AS delta FROM old_rows, unnest(categories) AS c
            UNION ALL
            SELECT organisation_id, status, c, 1 FROM new_rows, unnest(categories) AS c) d
        GROUP BY 1, 2, 3 HAVING sum(delta) <> 0 ORDER BY 1, 2, 3
        ON CONFLICT (organisation_id, status, category) DO UPDATE SET households = t.households + EXCLUDED.households;
    ELSE
        INSERT INTO reporting_household_tally AS t (organisation_id, region_code, status, cause, households)
        SELECT organisation_id, region_code, status, coalesce(main_cause, ''), -count(*) FROM old_rows
        GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
        ON CONFLICT (organisation_id, region_code, status, cause) DO UPDATE SET households = t.households + EXCLUDED.households;
        INSERT INTO reporting_category_tally AS t (organisation_id, status, category, households)
        SELECT organisation_id, status, c, -count(*) FROM old_rows, unnest(categories) AS c
        GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
        ON CONFLICT (organisation_id, status, category) DO UPDATE SET households = t.households + EXCLUDED.households;
    END IF;
    RETURN NULL;
END;
$$;

CREATE FUNCTION reporting_tally_truncate() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM reporting_household_tally;
    DELETE FROM reporting_category_tally;
    RETURN NULL;
END;
$$;

CREATE TRIGGER reporting_tally_insert AFTER INSERT ON registry_household
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION reporting_tally_apply();
CREATE TRIGGER reporting_tally_update AFTER UPDATE ON registry_household
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION reporting_tally_apply();
CREATE TRIGGER reporting_tally_delete AFTER DELETE ON registry_household
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION reporting_tally_apply();
CREATE TRIGGER reporting_tally_truncate AFTER TRUNCATE ON registry_household
    FOR EACH STATEMENT EXECUTE FUNCTION reporting_tally_truncate();

-- Report templates as data: the figures (codes of FigureSource figures), the period, the deadline rule
-- (DATE:MM-DD within the period's year, or WORKDAY:n = the n-th working day after the period ends), which
-- organisations submit (an organisation type, or any) to their parent organisation, whether figures may be edited.
CREATE TABLE reporting_template (
    code            VARCHAR(40)  PRIMARY KEY,
    name_zh         VARCHAR(100) NOT NULL,
    name_en         VARCHAR(100) NOT NULL,
    figures         TEXT[]       NOT NULL,
    breakdown       VARCHAR(12)  NOT NULL DEFAULT 'SUBMITTER' CHECK (breakdown IN ('NONE', 'SUBMITTER')),
    period          VARCHAR(8)   NOT NULL CHECK (period IN ('MONTH', 'QUARTER', 'YEAR')),
    deadline        VARCHAR(20)  NOT NULL CHECK (deadline ~ '^(DATE:[0-1][0-9]-[0-3][0-9]|WORKDAY:[0-9]{1,2})$'),
    submitter_type  VARCHAR(30),
    editable        BOOLEAN      NOT NULL DEFAULT TRUE,
    remind_days     INTEGER      NOT NULL DEFAULT 5 CHECK (remind_days BETWEEN 0 AND 60)
);

INSERT INTO reporting_template (code, name_zh, name_en, figures, period, deadline, editable, remind_days) VALUES
('PAIRING_TABLE', '结对帮扶表', 'Pairing table',
 '{households.filed,households.paired,households.unpaired,cadres.active,visits.period}', 'YEAR', 'DATE:10-15', TRUE, 10),
('QUARTERLY_INSPECTION', '季度督查表', 'Quarterly inspection sheet',
 '{households.filed,households.paired,households.visitedOnTime,visits.period,cases.pending,cases.overdue}',
 'QUARTER', 'WORKDAY:5', TRUE, 5),
('YEAR_END', '年终统计表', 'Year-end statistics',
 '{households.filed,households.exited,households.paired,visits.period,funds.budgeted,funds.committed,funds.paid}',
 'YEAR', 'WORKDAY:10', FALSE, 10);

-- One row per version of an organisation's report for a period. A submitted version is frozen (a trigger refuses
-- changes to its figures); a correction is a new version with a reason, and the one before becomes SUPERSEDED.
CREATE TABLE reporting_report (
    id                BIGSERIAL    PRIMARY KEY,
    template_code     VARCHAR(40)  NOT NULL REFERENCES reporting_template (code),
    organisation_id   BIGINT       NOT NULL REFERENCES organisation (id),
    organisation_path VARCHAR(1000) NOT NULL,
    period_key        VARCHAR(10)  NOT NULL,
    version           INTEGER      NOT NULL CHECK (version >= 1),
    status            VARCHAR(10)  NOT NULL CHECK (status IN ('DRAFT', 'SUBMITTED', 'SUPERSEDED')),
    figures           JSONB        NOT NULL,
    lines             JSONB        NOT NULL DEFAULT '[]',
    correction_reason VARCHAR(500),
    created_by        VARCHAR(50)  NOT NULL,
    created_at        TIMESTAMPTZ  NOT NULL DEFAULT now(),
    submitted_by      VARCHAR(50),
    submitted_at      TIMESTAMPTZ,
    UNIQUE (template_code, organisation_id, period_key, version),
    CONSTRAINT reporting_report_correction CHECK (version = 1 OR correction_reason IS NOT NULL)
);
CREATE UNIQUE INDEX reporting_report_one_draft ON reporting_report (template_code, organisation_id, period_key)
    WHERE status = 'DRAFT';
CREATE INDEX reporting_report_period_idx ON reporting_report (template_code, period_key, status);

CREATE FUNCTION reporting_report_frozen() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
    IF OLD.status <> 'DRAFT' AND (NEW.figures IS DISTINCT FROM OLD.figures OR NEW.lines IS DISTINCT FROM OLD.lines
            OR NOT (NEW.status = OLD.status OR (OLD.status = 'SUBMITTED' AND NEW.status = 'SUPERSEDED'))) THEN
        RAISE EXCEPTION 'reporting_report % is submitted and frozen', OLD.id;
    END IF;
    RETURN NEW;
END;
$$;
CREATE TRIGGER reporting_report_frozen BEFORE UPDATE ON reporting_report
    FOR EACH ROW EXECUTE FUNCTION reporting_report_frozen();

-- Notifications users see on their home page (there is no mail): reminders before a report's deadline.
CREATE TABLE reporting_notification (
    id              BIGSERIAL    PRIMARY KEY,
    organisation_id BIGINT       NOT NULL REFERENCES organisation (id),
    kind            VARCHAR(20)  NOT NULL CHECK (kind IN ('REPORT_DUE')),
    template_code   VARCHAR(40)  NOT NULL REFERENCES reporting_template (code),
    period_key      VARCHAR(10)  NOT NULL,
    due_on          DATE         NOT NULL,
    created_at      TIMESTAMPTZ  NOT NULL DEFAULT now(),
    UNIQUE (organisation_id, kind, template_code, period_key)
);

-- Assessment (考核): a scheme per year and assessing organisation; indicators as data
-- [{code, weight, target (percent), manual}]; manual points scored by the assessing level with a note.
CREATE TABLE reporting_assessment_scheme (
    id              BIGSERIAL    PRIMARY KEY,
    organisation_id BIGINT       NOT NULL REFERENCES organisation (id),
    year            INTEGER      NOT NULL CHECK (year BETWEEN 2000 AND 2100),
    indicators      JSONB        NOT NULL,
    created_by      VARCHAR(50)  NOT NULL,
    created_at      TIMESTAMPTZ  NOT NULL DEFAULT now(),
    UNIQUE (organisation_id, year)
);

CREATE TABLE reporting_assessment_manual (
    scheme_id       BIGINT        NOT NULL REFERENCES reporting_assessment_scheme (id),
    organisation_id BIGINT        NOT NULL REFERENCES organisation (id),
    indicator       VARCHAR(40)   NOT NULL,
    points          NUMERIC(6, 2) NOT NULL CHECK (points >= 0),
    note            VARCHAR(500)  NOT NULL,
    scored_by       VARCHAR(50)   NOT NULL,
    scored_at       TIMESTAMPTZ   NOT NULL DEFAULT now(),
    PRIMARY KEY (scheme_id, organisation_id, indicator)
);
