-- Regions: statistical division codes, stored as the 12-digit code (shorter codes padded with zeros).
CREATE TABLE organisation_region (
    code        VARCHAR(12) PRIMARY KEY,
    name        VARCHAR(100) NOT NULL,
    level       SMALLINT     NOT NULL CHECK (level BETWEEN 1 AND 5),
    parent_code VARCHAR(12)  REFERENCES organisation_region (code)
);
CREATE INDEX organisation_region_parent_idx ON organisation_region (parent_code, code);
CREATE INDEX organisation_region_name_idx ON organisation_region (name);

-- Organisation tree with a materialised path (/1/4/9/) for subtree scoping.
CREATE TABLE organisation (
    id          BIGSERIAL PRIMARY KEY,
    code        VARCHAR(40)  NOT NULL,
    name        VARCHAR(100) NOT NULL,
    type        VARCHAR(30)  NOT NULL CHECK (type IN ('PLATFORM', 'UNION', 'CIVIL_AFFAIRS', 'TOWNSHIP_GOVERNMENT',
                                                     'VILLAGE_COMMITTEE', 'COMPANY', 'OTHER')),
    region_code VARCHAR(12)  REFERENCES organisation_region (code),
    parent_id   BIGINT       REFERENCES organisation (id),
    path        VARCHAR(1000) NOT NULL,
    active      BOOLEAN      NOT NULL DEFAULT TRUE,
    created_at  TIMESTAMPTZ  NOT NULL DEFAULT now(),
    updated_at  TIMESTAMPTZ  NOT NULL DEFAULT now(),
    CONSTRAINT organisation_region_required CHECK (type = 'PLATFORM' OR region_code IS NOT NULL),
    CONSTRAINT organisation_root_is_platform CHECK ((parent_id IS NULL) = (type = 'PLATFORM'))
);
CREATE UNIQUE INDEX organisation_code_uq ON organisation (lower(code));
CREATE UNIQUE INDEX organisation_sibling_name_uq ON organisation (coalesce(parent_id, 0), name);
CREATE INDEX organisation_path_idx ON organisation (path text_pattern_ops);
CREATE INDEX organisation_parent_idx ON organisation (parent_id);
