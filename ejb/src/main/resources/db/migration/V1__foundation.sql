-- Foundation schema: identity, audit trail, mail outbox, geography, funds, calls, partners.
-- Portable between MariaDB and H2 in MariaDB mode (the demo database). utf8mb4 is the
-- database default (see docs/admin-guide.md). Instants are stored as UTC in DATETIME(6)
-- (see platform.InstantConverter), which has no 2038 limit and no session time zone.

CREATE TABLE municipality (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    code VARCHAR(6) NOT NULL,
    name VARCHAR(120) NOT NULL,
    CONSTRAINT uq_municipality_code UNIQUE (code)
);

CREATE TABLE neighbourhood (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    municipality_id BIGINT NOT NULL,
    code VARCHAR(10) NOT NULL,
    name VARCHAR(120) NOT NULL,
    CONSTRAINT uq_neighbourhood_code UNIQUE (code),
    CONSTRAINT fk_neighbourhood_municipality FOREIGN KEY (municipality_id) REFERENCES municipality (id)
);

CREATE TABLE partner_organisation (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    name VARCHAR(200) NOT NULL,
    kvk_number VARCHAR(8),
    kind VARCHAR(40) NOT NULL,
    CONSTRAINT uq_partner_name UNIQUE (name)
);

CREATE TABLE app_user (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    email VARCHAR(254) NOT NULL,
    display_name VARCHAR(120) NOT NULL,
    password_hash VARCHAR(400) NOT NULL,
    role VARCHAR(20) NOT NULL,
    status VARCHAR(20) NOT NULL,
    partner_id BIGINT,
    preferred_locale VARCHAR(5) NOT NULL DEFAULT 'nl',
    failed_logins INT NOT NULL DEFAULT 0,
    locked_until DATETIME(6) NULL,
    last_login_at DATETIME(6) NULL,
    created_at DATETIME(6) NOT NULL,
    version BIGINT NOT NULL DEFAULT 0,
    CONSTRAINT uq_app_user_email UNIQUE (email),
    CONSTRAINT fk_app_user_partner FOREIGN KEY (partner_id) REFERENCES partner_organisation (id)
);

CREATE TABLE account_token (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    user_id BIGINT NOT NULL,
    purpose VARCHAR(20) NOT NULL,
    token_hash VARCHAR(64) NOT NULL,
    expires_at DATETIME(6) NOT NULL,
    used_at DATETIME(6) NULL,
    CONSTRAINT uq_account_token_hash UNIQUE (token_hash),
    CONSTRAINT fk_account_token_user FOREIGN KEY (user_id) REFERENCES app_user (id)
);

-- Append-only: the application only inserts; see docs/architecture.md.
CREATE TABLE audit_entry (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    occurred_at DATETIME(6) NOT NULL,
    actor VARCHAR(254) NOT NULL,
    action VARCHAR(60) NOT NULL,
    subject_type VARCHAR(60) NOT NULL,
    subject_id VARCHAR(60),
    before_summary VARCHAR(2000),
    after_summary VARCHAR(2000)
);
CREATE INDEX ix_audit_occurred ON audit_entry (occurred_at);
CREATE INDEX ix_audit_subject ON audit_entry (subject_type, subject_id);
CREATE INDEX ix_audit_actor ON audit_entry (actor);

CREATE TABLE outbound_mail (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    recipient VARCHAR(254) NOT NULL,
    subject VARCHAR(300) NOT NULL,
    body VARCHAR(8000) NOT NULL,
    created_at DATETIME(6) NOT NULL,
    sent_at DATETIME(6) NULL,
    attempts INT NOT NULL DEFAULT 0,
    last_error VARCHAR(500)
);
CREATE INDEX ix_outbound_mail_pending ON outbound_mail (sent_at, created_at);

CREATE TABLE fund (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    municipality_id BIGINT NOT NULL,
    name VARCHAR(200) NOT NULL,
    description VARCHAR(2000),
    total_budget DECIMAL(15, 2) NOT NULL,
    version BIGINT NOT NULL DEFAULT 0,
    CONSTRAINT fk_fund_municipality FOREIGN KEY (municipality_id) REFERENCES municipality (id),
    CONSTRAINT ck_fund_budget CHECK (total_budget >= 0)
);

CREATE TABLE fund_year_budget (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    fund_id BIGINT NOT NULL,
    budget_year INT NOT NULL,
    budget DECIMAL(15, 2) NOT NULL,
    CONSTRAINT uq_fund_year UNIQUE (fund_id, budget_year),
    CONSTRAINT fk_fund_year_fund FOREIGN KEY (fund_id) REFERENCES fund (id),
    CONSTRAINT ck_fund_year_budget CHECK (budget >= 0)
);

CREATE TABLE funding_call (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    fund_id BIGINT NOT NULL,
    title VARCHAR(200) NOT NULL,
    opens_at DATETIME(6) NOT NULL,
    closes_at DATETIME(6) NOT NULL,
    max_amount DECIMAL(15, 2) NOT NULL,
    decision_term_weeks INT NOT NULL DEFAULT 8,
    version BIGINT NOT NULL DEFAULT 0,
    CONSTRAINT fk_funding_call_fund FOREIGN KEY (fund_id) REFERENCES fund (id),
    CONSTRAINT ck_funding_call_dates CHECK (closes_at > opens_at)
);
