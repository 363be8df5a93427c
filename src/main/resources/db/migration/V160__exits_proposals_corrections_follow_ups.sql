-- Exits (issue 18): no paper exits, exit proposals, the safety net, transition and follow-up visits.

-- Per organisation (inherited by the organisations under it unless they have their own row):
-- which standard kind is the exit line, how long pairing and visits go on after an exit
-- (脱困不脱帮扶), and for how long and how often follow-up visits (回头看) are due.
CREATE TABLE exits_setting (
    organisation_id           BIGINT       PRIMARY KEY REFERENCES organisation (id),
    line_kind                 VARCHAR(40)  NOT NULL DEFAULT 'dibao_rural',
    transition_months         SMALLINT     NOT NULL DEFAULT 12 CHECK (transition_months BETWEEN 0 AND 60),
    follow_up_months          SMALLINT     NOT NULL DEFAULT 12 CHECK (follow_up_months BETWEEN 1 AND 60),
    follow_up_interval_months SMALLINT     NOT NULL DEFAULT 3 CHECK (follow_up_interval_months BETWEEN 1 AND 12),
    updated_by                VARCHAR(50)  NOT NULL,
    updated_at                TIMESTAMPTZ  NOT NULL DEFAULT now()
);

-- A recorded hardship cause (main or secondary) marked resolved, with what resolved it.
CREATE TABLE exits_cause_resolution (
    household_id  BIGINT       NOT NULL REFERENCES registry_household (id),
    cause         VARCHAR(20)  NOT NULL,
    resolved_on   DATE         NOT NULL,
    note          VARCHAR(500) NOT NULL,
    resolved_by   VARCHAR(50)  NOT NULL,
    PRIMARY KEY (household_id, cause)
);

-- What was done with a proposal or a safety-net listing: a case opened (its number kept) or a
-- dismissal with its reason; the months shown at that moment are kept with it.
CREATE TABLE exits_proposal_action (
    id            BIGSERIAL     PRIMARY KEY,
    household_id  BIGINT        NOT NULL REFERENCES registry_household (id),
    kind          VARCHAR(16)   NOT NULL CHECK (kind IN ('EXIT_CASE', 'SAFETY_NET_CASE', 'DISMISSED')),
    case_id       BIGINT,
    reason        VARCHAR(500),
    months        VARCHAR(200)  NOT NULL,
    acted_on      DATE          NOT NULL,
    acted_by      VARCHAR(50)   NOT NULL,
    acted_at      TIMESTAMPTZ   NOT NULL DEFAULT now(),
    CONSTRAINT exits_proposal_action_case CHECK ((kind = 'DISMISSED') = (case_id IS NULL)),
    CONSTRAINT exits_proposal_action_reason CHECK (kind <> 'DISMISSED' OR reason IS NOT NULL)
);
CREATE INDEX exits_proposal_action_household_idx ON exits_proposal_action (household_id, acted_on);

-- An administrator's status correction with four eyes: requested by one administrator,
-- approved or rejected by another.
CREATE TABLE exits_status_correction (
    id               BIGSERIAL     PRIMARY KEY,
    household_id     BIGINT        NOT NULL REFERENCES registry_household (id),
    organisation_id  BIGINT        NOT NULL REFERENCES organisation (id),
    file_no          VARCHAR(40)   NOT NULL,
    from_status      VARCHAR(8)    NOT NULL,
    target           VARCHAR(8)    NOT NULL CHECK (target IN ('FILED', 'EXITED', 'CLOSED')),
    exit_date        DATE,
    reason           VARCHAR(500)  NOT NULL,
    status           VARCHAR(8)    NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'APPROVED', 'REJECTED')),
    requested_by_id  BIGINT        NOT NULL,
    requested_by     VARCHAR(50)   NOT NULL,
    requested_at     TIMESTAMPTZ   NOT NULL DEFAULT now(),
    decided_by       VARCHAR(50),
    decided_at       TIMESTAMPTZ,
    decision_note    VARCHAR(500)
);
CREATE INDEX exits_status_correction_pending_idx ON exits_status_correction (status, organisation_id);

-- Follow-up visits (回头看) of an exited household: due dates from its exit date, filled when visited.
CREATE TABLE exits_follow_up (
    id             BIGSERIAL     PRIMARY KEY,
    household_id   BIGINT        NOT NULL REFERENCES registry_household (id),
    organisation_id BIGINT       NOT NULL REFERENCES organisation (id),
    exit_date      DATE          NOT NULL,
    seq            SMALLINT      NOT NULL,
    due_on         DATE          NOT NULL,
    visited_on     DATE,
    visitors       VARCHAR(200),
    findings       VARCHAR(2000),
    stable         BOOLEAN,
    recorded_by    VARCHAR(50),
    recorded_at    TIMESTAMPTZ,
    CONSTRAINT exits_follow_up_seq UNIQUE (household_id, exit_date, seq),
    CONSTRAINT exits_follow_up_visit CHECK ((visited_on IS NULL) = (visitors IS NULL))
);
CREATE INDEX exits_follow_up_due_idx ON exits_follow_up (organisation_id, due_on) WHERE visited_on IS NULL;
