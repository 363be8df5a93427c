-- A cadre's user lost the PAIRING_CADRE role: their pairings end with this reason.
ALTER TABLE pairing_pairing DROP CONSTRAINT pairing_pairing_end_reason_check;
ALTER TABLE pairing_pairing ADD CONSTRAINT pairing_pairing_end_reason_check
    CHECK (end_reason IN ('TERM_COMPLETED', 'CADRE_DEACTIVATED', 'CADRE_TRANSFERRED', 'CADRE_ROLE_REMOVED',
                          'REASSIGNED', 'HOUSEHOLD_EXITED', 'HOUSEHOLD_CLOSED', 'OTHER'));
