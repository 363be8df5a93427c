CREATE TABLE identity_user (
    id                  BIGSERIAL PRIMARY KEY,
    login               VARCHAR(50)  NOT NULL,
    name                VARCHAR(50)  NOT NULL,
    phone               VARCHAR(20),
    organisation_id     BIGINT       NOT NULL REFERENCES organisation (id),
    password_hash       VARCHAR(200) NOT NULL,
    active              BOOLEAN      NOT NULL DEFAULT TRUE,
    failed_logins       INT          NOT NULL DEFAULT 0,
    locked_until        TIMESTAMPTZ,
    password_changed_at TIMESTAMPTZ  NOT NULL DEFAULT now(),
    must_change_password BOOLEAN     NOT NULL DEFAULT FALSE,
    created_at          TIMESTAMPTZ  NOT NULL DEFAULT now(),
    updated_at          TIMESTAMPTZ  NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX identity_user_login_uq ON identity_user (lower(login));
CREATE INDEX identity_user_organisation_idx ON identity_user (organisation_id);

CREATE TABLE identity_user_role (
    user_id BIGINT      NOT NULL REFERENCES identity_user (id) ON DELETE CASCADE,
    role    VARCHAR(30) NOT NULL CHECK (role IN ('ADMIN', 'CASEWORKER', 'REVIEWER', 'APPROVER', 'PAIRING_CADRE',
                                                  'FINANCE_OFFICER', 'AUDITOR')),
    PRIMARY KEY (user_id, role)
);

CREATE TABLE identity_api_token (
    id           BIGSERIAL PRIMARY KEY,
    user_id      BIGINT       NOT NULL REFERENCES identity_user (id),
    name         VARCHAR(100) NOT NULL,
    token_hash   CHAR(64)     NOT NULL UNIQUE,
    token_prefix VARCHAR(12)  NOT NULL,
    created_by   BIGINT       REFERENCES identity_user (id),
    created_at   TIMESTAMPTZ  NOT NULL DEFAULT now(),
    expires_at   TIMESTAMPTZ,
    revoked_at   TIMESTAMPTZ,
    last_used_at TIMESTAMPTZ
);
CREATE INDEX identity_api_token_user_idx ON identity_api_token (user_id);
