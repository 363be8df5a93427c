-- audit: the chain is keyed. Links made from now on carry an HMAC-SHA256 with a key that is never in
-- the database (bangfu.audit.key, else derived from bangfu.crypto.key), so rewriting records and
-- re-chaining them needs the key, not only the database.
--   chain_id    names this chain (checkpoints kept outside the database name it too)
--   legacy_seq  the anchor: links up to this position were made before the key (unkeyed SHA-256)
--   anchor_mac  seals the chain as it stood at the anchor (position and hash) with the key
--   head_mac    seals the current head (position and hash) with the key
-- legacy_seq, anchor_mac and head_mac are set by the application at its first start after this
-- migration (the key is not known here): it links the events still waiting from before, unkeyed,
-- and anchors the chain there. All instances of the old version must be stopped before that start.
ALTER TABLE audit_chain_head ADD COLUMN chain_id UUID NOT NULL DEFAULT gen_random_uuid();
ALTER TABLE audit_chain_head ADD COLUMN legacy_seq BIGINT;
ALTER TABLE audit_chain_head ADD COLUMN anchor_mac CHAR(64);
ALTER TABLE audit_chain_head ADD COLUMN head_mac CHAR(64);

-- whether the linked event bore its writer's seal (part of the link's MAC)
ALTER TABLE audit_link ADD COLUMN authentic BOOLEAN NOT NULL DEFAULT TRUE;

-- the writer's seal of a waiting event: HMAC of its id and content, checked by the chainer
ALTER TABLE audit_pending ADD COLUMN mac CHAR(64);
