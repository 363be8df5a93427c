-- A minor's money goes to the head's (guardian's) card: the name on that account, null when the
-- account is the beneficiary's own (or the household's for the head or a per-household line).
ALTER TABLE programs_roster_line ADD COLUMN account_holder VARCHAR(50);
