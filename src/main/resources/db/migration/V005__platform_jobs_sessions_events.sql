-- Persistent jobs: claimed with SELECT ... FOR UPDATE SKIP LOCKED so each runs once across instances.
CREATE TABLE platform_job (
    id              BIGSERIAL PRIMARY KEY,
    kind            VARCHAR(60)  NOT NULL,
    payload         TEXT         NOT NULL DEFAULT '{}',
    status          VARCHAR(20)  NOT NULL DEFAULT 'QUEUED' CHECK (status IN ('QUEUED', 'RUNNING', 'DONE', 'FAILED')),
    organisation_id BIGINT       REFERENCES organisation (id),
    created_by      BIGINT       REFERENCES identity_user (id),
    created_at      TIMESTAMPTZ  NOT NULL DEFAULT now(),
    run_after       TIMESTAMPTZ  NOT NULL DEFAULT now(),
    started_at      TIMESTAMPTZ,
    finished_at     TIMESTAMPTZ,
    heartbeat_at    TIMESTAMPTZ,
    claimed_by      VARCHAR(100),
    attempts        INT          NOT NULL DEFAULT 0,
    progress_done   BIGINT       NOT NULL DEFAULT 0,
    progress_total  BIGINT,
    progress_note   TEXT,
    result          TEXT,
    error           TEXT
);
CREATE INDEX platform_job_queue_idx ON platform_job (run_after, id) WHERE status = 'QUEUED';
CREATE INDEX platform_job_running_idx ON platform_job (heartbeat_at) WHERE status = 'RUNNING';
CREATE INDEX platform_job_org_idx ON platform_job (organisation_id, created_at);

-- Recurring tasks: whoever moves next_run forward first runs it.
CREATE TABLE platform_schedule (
    name      VARCHAR(60) PRIMARY KEY,
    next_run  TIMESTAMPTZ NOT NULL,
    last_run  TIMESTAMPTZ,
    last_by   VARCHAR(100)
);

-- Spring Session JDBC (sessions shared by all instances).
CREATE TABLE SPRING_SESSION (
    PRIMARY_ID CHAR(36) NOT NULL,
    SESSION_ID CHAR(36) NOT NULL,
    CREATION_TIME BIGINT NOT NULL,
    LAST_ACCESS_TIME BIGINT NOT NULL,
    MAX_INACTIVE_INTERVAL INT NOT NULL,
    EXPIRY_TIME BIGINT NOT NULL,
    PRINCIPAL_NAME VARCHAR(100),
    CONSTRAINT SPRING_SESSION_PK PRIMARY KEY (PRIMARY_ID)
);
CREATE UNIQUE INDEX SPRING_SESSION_IX1 ON SPRING_SESSION (SESSION_ID);
CREATE INDEX SPRING_SESSION_IX2 ON SPRING_SESSION (EXPIRY_TIME);
CREATE INDEX SPRING_SESSION_IX3 ON SPRING_SESSION (PRINCIPAL_NAME);
CREATE TABLE SPRING_SESSION_ATTRIBUTES (
    SESSION_PRIMARY_ID CHAR(36) NOT NULL,
    ATTRIBUTE_NAME VARCHAR(200) NOT NULL,
    ATTRIBUTE_BYTES BYTEA NOT NULL,
    CONSTRAINT SPRING_SESSION_ATTRIBUTES_PK PRIMARY KEY (SESSION_PRIMARY_ID, ATTRIBUTE_NAME),
    CONSTRAINT SPRING_SESSION_ATTRIBUTES_FK FOREIGN KEY (SESSION_PRIMARY_ID) REFERENCES SPRING_SESSION (PRIMARY_ID) ON DELETE CASCADE
);

-- Spring Modulith event publication registry.
CREATE TABLE event_publication (
    id                     UUID NOT NULL,
    listener_id            TEXT NOT NULL,
    event_type             TEXT NOT NULL,
    serialized_event       TEXT NOT NULL,
    publication_date       TIMESTAMP WITH TIME ZONE NOT NULL,
    completion_date        TIMESTAMP WITH TIME ZONE,
    status                 TEXT,
    completion_attempts    INT,
    last_resubmission_date TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (id)
);
CREATE INDEX event_publication_serialized_event_hash_idx ON event_publication USING hash (serialized_event);
CREATE INDEX event_publication_by_completion_date_idx ON event_publication (completion_date);
