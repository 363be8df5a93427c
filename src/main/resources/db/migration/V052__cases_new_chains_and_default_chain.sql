-- Cases: administrators create review chains (from scratch or as a copy). When several current
-- chains serve a case type, the one marked default for the kind of organisation (NULL = any kind)
-- is what a case opened without a chosen chain uses; at most one default per type and kind.
ALTER TABLE cases_chain ADD COLUMN default_chain BOOLEAN NOT NULL DEFAULT FALSE;

-- The shipped chains each serve their own type and kind: they are the defaults.
UPDATE cases_chain c SET default_chain = TRUE
WHERE c.retired_at IS NULL
  AND c.id = (SELECT min(o.id) FROM cases_chain o
              WHERE o.retired_at IS NULL AND o.case_type = c.case_type
                AND o.organisation_type IS NOT DISTINCT FROM c.organisation_type);

CREATE UNIQUE INDEX cases_chain_default_uq ON cases_chain (case_type, coalesce(organisation_type, ''))
    WHERE default_chain AND retired_at IS NULL;
