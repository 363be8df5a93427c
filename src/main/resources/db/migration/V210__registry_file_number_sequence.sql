-- Registry: the per-organisation sequence that suggests a new household's file number (户编号)
-- on the registration form. A number is taken when the form opens (gaps are harmless, like a
-- database sequence); a number already used in the organisation is skipped.
CREATE TABLE registry_file_number_sequence (
    organisation_id BIGINT PRIMARY KEY,
    last_value      BIGINT NOT NULL
);
