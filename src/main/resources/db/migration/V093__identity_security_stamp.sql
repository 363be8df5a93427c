-- identity: a per-user security stamp, moved forward by every change to what a user may do
-- (organisation, roles, activation, password). Every page request compares the stamp kept in its
-- session with this column (one primary-key lookup) and takes the new rights or ends the session,
-- so a change takes effect at once on every instance. Sessions opened before this migration carry
-- no stamp: they end at their next request (users log in again once after the upgrade).
ALTER TABLE identity_user ADD COLUMN security_stamp BIGINT NOT NULL DEFAULT 1;
