-- The audit chain is linked after commit instead of inside each writer's transaction.
-- Before: every audited action locked audit_chain_head until its transaction ended, so one long
-- transaction (an import) stalled every audited action on every instance, and concurrent views
-- committed one fsync at a time. Now a writer only inserts its event and a pending marker; a
-- chainer (one at a time across instances, under the head lock) links committed events in
-- batches: audit_link holds the chain position, the previous hash and the hash of each event.
CREATE SEQUENCE audit_event_id_seq;
SELECT setval('audit_event_id_seq', greatest((SELECT max(id) FROM audit_event), 0) + 1, false);
ALTER TABLE audit_event ALTER COLUMN id SET DEFAULT nextval('audit_event_id_seq');
ALTER SEQUENCE audit_event_id_seq OWNED BY audit_event.id;

CREATE TABLE audit_link (
    seq       BIGINT   PRIMARY KEY,
    event_id  BIGINT   NOT NULL UNIQUE,
    prev_hash CHAR(64) NOT NULL,
    hash      CHAR(64) NOT NULL
);
-- Events written so far were chained in id order: their position is their id, hashes unchanged.
INSERT INTO audit_link (seq, event_id, prev_hash, hash) SELECT id, id, prev_hash, hash FROM audit_event;
ALTER TABLE audit_event DROP COLUMN prev_hash;
ALTER TABLE audit_event DROP COLUMN hash;

CREATE TRIGGER audit_link_no_update BEFORE UPDATE OR DELETE ON audit_link
    FOR EACH ROW EXECUTE FUNCTION audit_event_append_only();
CREATE TRIGGER audit_link_no_truncate BEFORE TRUNCATE ON audit_link
    FOR EACH STATEMENT EXECUTE FUNCTION audit_event_append_only();

-- Committed events not yet linked; the chainer deletes what it links.
CREATE TABLE audit_pending (
    event_id BIGINT PRIMARY KEY
);

COMMENT ON COLUMN audit_chain_head.last_id IS 'position (audit_link.seq) of the last linked event';
