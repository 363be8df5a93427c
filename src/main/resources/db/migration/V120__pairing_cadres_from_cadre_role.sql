-- Every active user with the pairing cadre role is offered as a cadre (until now only users paired
-- once by import had a cadre record, so the screens' cadre lists stayed empty on a fresh install).
INSERT INTO pairing_cadre (organisation_id, user_id, name, phone, created_by)
SELECT u.organisation_id, u.id, u.name, u.phone, 'system'
FROM identity_user u
WHERE u.active
  AND EXISTS (SELECT 1 FROM identity_user_role r WHERE r.user_id = u.id AND r.role = 'PAIRING_CADRE')
ON CONFLICT (user_id) DO NOTHING;
