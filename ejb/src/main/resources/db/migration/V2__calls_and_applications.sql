-- Calls with their rules, and applications from draft to intake. Portable between MariaDB and
-- H2 in MariaDB mode, like V1. Large texts stay VARCHAR so one row stays under InnoDB's
-- 65,535-byte limit in utf8mb4 (4 bytes per character).

ALTER TABLE funding_call ADD COLUMN description VARCHAR(4000);
ALTER TABLE funding_call ADD COLUMN min_amount DECIMAL(15, 2) NOT NULL DEFAULT 0;
ALTER TABLE funding_call ADD COLUMN distribution_rule VARCHAR(20) NOT NULL DEFAULT 'FIRST_COME';
ALTER TABLE funding_call ADD COLUMN budget_year INT;
ALTER TABLE funding_call ADD CONSTRAINT ck_funding_call_amounts CHECK (min_amount >= 0 AND max_amount >= min_amount);
ALTER TABLE funding_call ADD CONSTRAINT ck_funding_call_term CHECK (decision_term_weeks BETWEEN 1 AND 52);

CREATE TABLE call_theme (
    call_id BIGINT NOT NULL,
    theme VARCHAR(40) NOT NULL,
    PRIMARY KEY (call_id, theme),
    CONSTRAINT fk_call_theme_call FOREIGN KEY (call_id) REFERENCES funding_call (id)
);

CREATE TABLE call_neighbourhood (
    call_id BIGINT NOT NULL,
    neighbourhood_id BIGINT NOT NULL,
    PRIMARY KEY (call_id, neighbourhood_id),
    CONSTRAINT fk_call_nb_call FOREIGN KEY (call_id) REFERENCES funding_call (id),
    CONSTRAINT fk_call_nb_neighbourhood FOREIGN KEY (neighbourhood_id) REFERENCES neighbourhood (id)
);

CREATE TABLE call_criterion (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    call_id BIGINT NOT NULL,
    position INT NOT NULL,
    name VARCHAR(200) NOT NULL,
    description VARCHAR(1000),
    weight_percent INT NOT NULL,
    CONSTRAINT fk_call_criterion_call FOREIGN KEY (call_id) REFERENCES funding_call (id),
    CONSTRAINT ck_call_criterion_weight CHECK (weight_percent BETWEEN 1 AND 100)
);

-- Determination tiers: up to (and including) up_to_amount the tier's report is required;
-- the last tier has no upper bound (NULL).
CREATE TABLE call_determination_tier (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    call_id BIGINT NOT NULL,
    position INT NOT NULL,
    up_to_amount DECIMAL(15, 2),
    report_kind VARCHAR(40) NOT NULL,
    CONSTRAINT fk_call_tier_call FOREIGN KEY (call_id) REFERENCES funding_call (id)
);

CREATE TABLE application (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    reference VARCHAR(20),
    call_id BIGINT NOT NULL,
    owner_id BIGINT NOT NULL,
    status VARCHAR(30) NOT NULL,
    current_step INT NOT NULL DEFAULT 0,
    org_name VARCHAR(200),
    org_legal_form VARCHAR(30),
    org_kvk_number VARCHAR(20),
    org_iban VARCHAR(42),
    org_account_holder VARCHAR(200),
    org_is_undertaking BOOLEAN NOT NULL DEFAULT FALSE,
    contact_name VARCHAR(120),
    contact_email VARCHAR(254),
    contact_phone VARCHAR(30),
    de_minimis_declared BOOLEAN NOT NULL DEFAULT FALSE,
    de_minimis_prior_amount DECIMAL(15, 2),
    title VARCHAR(200),
    summary VARCHAR(500),
    description VARCHAR(5000),
    theory_of_change VARCHAR(2000),
    start_date DATE,
    end_date DATE,
    total_costs DECIMAL(15, 2) NOT NULL DEFAULT 0,
    co_funding DECIMAL(15, 2) NOT NULL DEFAULT 0,
    requested_amount DECIMAL(15, 2) NOT NULL DEFAULT 0,
    created_at DATETIME(6) NOT NULL,
    updated_at DATETIME(6) NOT NULL,
    submitted_at DATETIME(6),
    received_on DATE,
    decision_due_on DATE,
    intake_completed_at DATETIME(6),
    withdrawn_at DATETIME(6),
    withdrawal_reason VARCHAR(1000),
    version BIGINT NOT NULL DEFAULT 0,
    CONSTRAINT uq_application_reference UNIQUE (reference),
    CONSTRAINT fk_application_call FOREIGN KEY (call_id) REFERENCES funding_call (id),
    CONSTRAINT fk_application_owner FOREIGN KEY (owner_id) REFERENCES app_user (id),
    CONSTRAINT ck_application_money CHECK (total_costs >= 0 AND co_funding >= 0 AND requested_amount >= 0)
);
CREATE INDEX ix_application_owner ON application (owner_id, updated_at);
CREATE INDEX ix_application_status ON application (status, submitted_at);
CREATE INDEX ix_application_call ON application (call_id, status);

CREATE TABLE application_neighbourhood (
    application_id BIGINT NOT NULL,
    neighbourhood_id BIGINT NOT NULL,
    PRIMARY KEY (application_id, neighbourhood_id),
    CONSTRAINT fk_app_nb_application FOREIGN KEY (application_id) REFERENCES application (id),
    CONSTRAINT fk_app_nb_neighbourhood FOREIGN KEY (neighbourhood_id) REFERENCES neighbourhood (id)
);

CREATE TABLE application_theme (
    application_id BIGINT NOT NULL,
    theme VARCHAR(40) NOT NULL,
    PRIMARY KEY (application_id, theme),
    CONSTRAINT fk_app_theme_application FOREIGN KEY (application_id) REFERENCES application (id)
);

CREATE TABLE application_target_group (
    application_id BIGINT NOT NULL,
    target_group VARCHAR(40) NOT NULL,
    PRIMARY KEY (application_id, target_group),
    CONSTRAINT fk_app_tg_application FOREIGN KEY (application_id) REFERENCES application (id)
);

CREATE TABLE application_care_domain (
    application_id BIGINT NOT NULL,
    care_domain VARCHAR(40) NOT NULL,
    PRIMARY KEY (application_id, care_domain),
    CONSTRAINT fk_app_cd_application FOREIGN KEY (application_id) REFERENCES application (id)
);

-- Partners named on an application see it (partner portal).
CREATE TABLE application_partner (
    application_id BIGINT NOT NULL,
    partner_id BIGINT NOT NULL,
    PRIMARY KEY (application_id, partner_id),
    CONSTRAINT fk_app_partner_application FOREIGN KEY (application_id) REFERENCES application (id),
    CONSTRAINT fk_app_partner_partner FOREIGN KEY (partner_id) REFERENCES partner_organisation (id)
);
CREATE INDEX ix_application_partner ON application_partner (partner_id);

CREATE TABLE application_activity (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    application_id BIGINT NOT NULL,
    position INT NOT NULL,
    name VARCHAR(200),
    description VARCHAR(1000),
    planned_participants INT,
    planned_sessions INT,
    planned_volunteers INT,
    CONSTRAINT fk_activity_application FOREIGN KEY (application_id) REFERENCES application (id),
    CONSTRAINT ck_activity_reach CHECK (planned_participants >= 0 AND planned_sessions >= 0 AND planned_volunteers >= 0)
);

CREATE TABLE budget_line (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    application_id BIGINT NOT NULL,
    position INT NOT NULL,
    kind VARCHAR(20) NOT NULL,
    description VARCHAR(300),
    amount DECIMAL(15, 2),
    hours DECIMAL(9, 2),
    CONSTRAINT fk_budget_line_application FOREIGN KEY (application_id) REFERENCES application (id)
);

-- Uploaded files live in the database, not on a disk under the web root: one backup, one
-- transaction, and no shared file system needed when WildFly runs on several nodes.
CREATE TABLE attachment (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    application_id BIGINT NOT NULL,
    filename VARCHAR(200) NOT NULL,
    media_type VARCHAR(120) NOT NULL,
    size_bytes BIGINT NOT NULL,
    sha256 VARCHAR(64) NOT NULL,
    uploaded_at DATETIME(6) NOT NULL,
    uploaded_by VARCHAR(254) NOT NULL,
    CONSTRAINT fk_attachment_application FOREIGN KEY (application_id) REFERENCES application (id)
);
CREATE INDEX ix_attachment_application ON attachment (application_id);

CREATE TABLE attachment_content (
    attachment_id BIGINT PRIMARY KEY,
    content LONGBLOB NOT NULL,
    CONSTRAINT fk_attachment_content FOREIGN KEY (attachment_id) REFERENCES attachment (id)
);

-- A request for missing information (Awb 4:5) suspends the decision term (4:15).
CREATE TABLE information_request (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    application_id BIGINT NOT NULL,
    requested_at DATETIME(6) NOT NULL,
    requested_on DATE NOT NULL,
    requested_by VARCHAR(254) NOT NULL,
    message VARCHAR(2000) NOT NULL,
    answer_deadline DATE NOT NULL,
    answered_at DATETIME(6),
    answered_on DATE,
    answer VARCHAR(4000),
    CONSTRAINT fk_info_request_application FOREIGN KEY (application_id) REFERENCES application (id),
    CONSTRAINT ck_info_request_deadline CHECK (answer_deadline >= requested_on)
);
CREATE INDEX ix_info_request_application ON information_request (application_id);

-- Documents the municipality issued (receipts, later decision letters): stored as sent,
-- with a hash, never regenerated.
CREATE TABLE issued_document (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    application_id BIGINT NOT NULL,
    kind VARCHAR(30) NOT NULL,
    filename VARCHAR(200) NOT NULL,
    created_at DATETIME(6) NOT NULL,
    sha256 VARCHAR(64) NOT NULL,
    content LONGBLOB NOT NULL,
    CONSTRAINT fk_issued_document_application FOREIGN KEY (application_id) REFERENCES application (id)
);
CREATE INDEX ix_issued_document_application ON issued_document (application_id, kind);

ALTER TABLE outbound_mail ADD COLUMN attachment_name VARCHAR(200);
ALTER TABLE outbound_mail ADD COLUMN attachment_media_type VARCHAR(120);
ALTER TABLE outbound_mail ADD COLUMN attachment_content LONGBLOB;
