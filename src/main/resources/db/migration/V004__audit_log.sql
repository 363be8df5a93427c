-- Append-only audit log. Each row carries the SHA-256 of its content and of the previous row,
-- so any change, deletion or insertion in the middle breaks the chain (verified by 'audit verify').
CREATE TABLE audit_event (
    id              BIGINT       PRIMARY KEY,
    occurred_at     TIMESTAMPTZ  NOT NULL,
    actor_id        BIGINT,
    actor_login     VARCHAR(50)  NOT NULL,
    organisation_id BIGINT,
    action          VARCHAR(60)  NOT NULL,
    object_type     VARCHAR(60)  NOT NULL,
    object_id       VARCHAR(100),
    detail          TEXT,
    client_address  VARCHAR(64),
    prev_hash       CHAR(64)     NOT NULL,
    hash            CHAR(64)     NOT NULL
);
CREATE INDEX audit_event_time_idx ON audit_event (occurred_at);
CREATE INDEX audit_event_actor_idx ON audit_event (actor_login, occurred_at);
CREATE INDEX audit_event_object_idx ON audit_event (object_type, object_id);
CREATE INDEX audit_event_org_idx ON audit_event (organisation_id, occurred_at);

-- The head of the chain: one row, locked by every writer so the chain stays linear across instances.
CREATE TABLE audit_chain_head (
    singleton BOOLEAN  PRIMARY KEY DEFAULT TRUE CHECK (singleton),
    last_id   BIGINT   NOT NULL,
    last_hash CHAR(64) NOT NULL
);
INSERT INTO audit_chain_head (last_id, last_hash) VALUES (0, repeat('0', 64));

CREATE FUNCTION audit_event_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'audit_event is append-only';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER audit_event_no_update BEFORE UPDATE OR DELETE ON audit_event
    FOR EACH ROW EXECUTE FUNCTION audit_event_append_only();
CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON audit_event
    FOR EACH STATEMENT EXECUTE FUNCTION audit_event_append_only();
