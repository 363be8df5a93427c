-- Programs (M9): events declared by a user for some regions and a period (an orange heat or
-- cold-wave warning, an epidemic risk area, a flood …); event-driven programs pay on them.
CREATE TABLE programs_event (
    id              BIGSERIAL     PRIMARY KEY,
    kind            VARCHAR(30)   NOT NULL CHECK (kind IN ('HEAT_ORANGE', 'COLD_WAVE_ORANGE', 'EPIDEMIC_MEDIUM_RISK',
                                                  'EPIDEMIC_HIGH_RISK', 'FLOOD', 'OTHER')),
    other_name      VARCHAR(100),
    period_from     DATE          NOT NULL,
    period_to       DATE          NOT NULL,
    note            VARCHAR(1000),
    organisation_id BIGINT        NOT NULL REFERENCES organisation (id),
    declared_by_id  BIGINT,
    declared_by     VARCHAR(100)  NOT NULL,
    declared_at     TIMESTAMPTZ   NOT NULL,
    ended_on        DATE,
    end_reason      VARCHAR(500),
    ended_by        VARCHAR(100),
    ended_at        TIMESTAMPTZ,
    CONSTRAINT programs_event_period CHECK (period_from <= period_to),
    CONSTRAINT programs_event_other_named CHECK (kind <> 'OTHER' OR other_name IS NOT NULL)
);
CREATE INDEX programs_event_org_idx ON programs_event (organisation_id, period_from);
CREATE INDEX programs_event_kind_idx ON programs_event (kind, period_from);

-- The regions of an event: any level; region_prefix is the code without its trailing zero
-- levels (a household is under the region when its 12-digit code starts with it).
CREATE TABLE programs_event_region (
    event_id      BIGINT      NOT NULL REFERENCES programs_event (id),
    region_code   VARCHAR(12) NOT NULL REFERENCES organisation_region (code),
    region_prefix VARCHAR(12) NOT NULL,
    PRIMARY KEY (event_id, region_code)
);
