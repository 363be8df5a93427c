-- Register list pages at 1,000,000 households (issue 19): every sort of the list has an index it can walk, so a
-- page reads its 21 rows instead of sorting the whole scope; the total is read from counts kept per
-- (organisation, region, status), so the unfiltered page and its status and region filters count exactly
-- without scanning the register.

CREATE INDEX registry_household_updated_idx ON registry_household (updated_at, id);
CREATE INDEX registry_household_org_updated_idx ON registry_household (organisation_id, updated_at, id);
CREATE INDEX registry_household_file_no_idx ON registry_household (file_no, id);
CREATE INDEX registry_household_region_sort_idx ON registry_household (region_code, id);
DROP INDEX registry_household_status_idx;
CREATE INDEX registry_household_status_idx ON registry_household (status, id);

-- Households per organisation and status, kept by statement-level triggers in the same transaction as
-- the change (one upsert per group and statement: an import chunk of 500 households writes a handful of rows).
-- Rows are updated in key order so two transactions cannot deadlock on them.
CREATE TABLE registry_household_count (
    organisation_id BIGINT      NOT NULL,
    status          VARCHAR(10) NOT NULL,
    households      BIGINT      NOT NULL,
    PRIMARY KEY (organisation_id, status)
);

INSERT INTO registry_household_count (organisation_id, status, households)
SELECT organisation_id, status, count(*)
FROM registry_household
GROUP BY organisation_id, status;

CREATE FUNCTION registry_household_count_insert() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO registry_household_count AS c (organisation_id, status, households)
    SELECT organisation_id, status, count(*)
    FROM new_rows
    GROUP BY organisation_id, status
    ORDER BY organisation_id, status
    ON CONFLICT (organisation_id, status) DO UPDATE SET households = c.households + EXCLUDED.households;
    RETURN NULL;
END;
$$;

CREATE FUNCTION registry_household_count_update() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO registry_household_count AS c (organisation_id, status, households)
    SELECT organisation_id, status, sum(delta)
    FROM (SELECT organisation_id, status, -1 AS delta FROM old_rows
          UNION ALL
          SELECT organisation_id, status, 1 FROM new_rows) d
    GROUP BY organisation_id, status
    HAVING sum(delta) <> 0
    ORDER BY organisation_id, status
    ON CONFLICT (organisation_id, status) DO UPDATE SET households = c.households + EXCLUDED.households;
    RETURN NULL;
END;
$$;

CREATE FUNCTION registry_household_count_delete() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO registry_household_count AS c (organisation_id, status, households)
    SELECT organisation_id, status, -count(*)
    FROM old_rows
    GROUP BY organisation_id, status
    ORDER BY organisation_id, status
    ON CONFLICT (organisation_id, status) DO UPDATE SET households = c.households + EXCLUDED.households;
    RETURN NULL;
END;
$$;

CREATE FUNCTION registry_household_count_truncate() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM registry_household_count;
    RETURN NULL;
END;
$$;

CREATE TRIGGER registry_household_count_insert AFTER INSERT ON registry_household
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION registry_household_count_insert();
CREATE TRIGGER registry_household_count_update AFTER UPDATE ON registry_household
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT
    EXECUTE FUNCTION registry_household_count_update();
CREATE TRIGGER registry_household_count_delete AFTER DELETE ON registry_household
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION registry_household_count_delete();
CREATE TRIGGER registry_household_count_truncate AFTER TRUNCATE ON registry_household
    FOR EACH STATEMENT EXECUTE FUNCTION registry_household_count_truncate();
