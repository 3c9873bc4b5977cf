-- Local accounts made safe (issue 19): throttling per account and per client address, a second factor for staff,
-- and the moment from which older sessions of an account no longer count (after a password reset).

-- One counter per scope and source: the key is the scope and a SHA-256 of the e-mail address or client address,
-- never the value itself. In the database, so every node of a cluster counts the same attempts.
CREATE TABLE login_throttle (
    throttle_key VARCHAR(100) NOT NULL PRIMARY KEY,
    attempts INT NOT NULL DEFAULT 0,
    window_start DATETIME(6) NOT NULL,
    strikes INT NOT NULL DEFAULT 0,
    blocked_until DATETIME(6) NULL
);

ALTER TABLE app_user ADD COLUMN totp_secret VARCHAR(64) NULL;
ALTER TABLE app_user ADD COLUMN totp_enrolled_at DATETIME(6) NULL;
-- The last 30-second step a code was accepted for: a code is never accepted twice.
ALTER TABLE app_user ADD COLUMN totp_last_step BIGINT NOT NULL DEFAULT 0;
-- Only the embedded demo's own accounts: they log in without a second factor (a notice says so).
ALTER TABLE app_user ADD COLUMN second_factor_waived BOOLEAN NOT NULL DEFAULT FALSE;
-- Sessions that logged in before this moment end (set by a password reset).
ALTER TABLE app_user ADD COLUMN sessions_valid_from DATETIME(6) NULL;
-- Lockouts in a row: each lasts twice as long as the one before.
ALTER TABLE app_user ADD COLUMN lockouts INT NOT NULL DEFAULT 0;

CREATE TABLE recovery_code (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    user_id BIGINT NOT NULL,
    code_hash VARCHAR(64) NOT NULL,
    used_at DATETIME(6) NULL,
    CONSTRAINT fk_recovery_code_user FOREIGN KEY (user_id) REFERENCES app_user (id)
);
CREATE INDEX ix_recovery_code_user ON recovery_code (user_id);
