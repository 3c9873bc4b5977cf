-- Monitoring (report requests, reports, reminders), final determination (vaststelling), the
-- balance payment after it and reclaim (terugvordering) of money paid too much.

-- Which named partner carries out an activity; NULL: the applicant itself.
ALTER TABLE application_activity ADD COLUMN delivered_by_partner_id BIGINT;
ALTER TABLE application_activity ADD CONSTRAINT fk_activity_partner
    FOREIGN KEY (delivered_by_partner_id) REFERENCES partner_organisation (id);

-- Files that belong to a report request rather than to the application itself.
ALTER TABLE attachment ADD COLUMN report_request_id BIGINT;

-- A report somebody owes: the organiser (partner_id NULL) or a named partner.
CREATE TABLE report_request (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    application_id BIGINT NOT NULL,
    decision_id BIGINT NOT NULL,
    partner_id BIGINT,
    purpose VARCHAR(20) NOT NULL,
    required_kind VARCHAR(40) NOT NULL,
    due_on DATE NOT NULL,
    status VARCHAR(20) NOT NULL,
    created_at DATETIME(6) NOT NULL,
    version BIGINT NOT NULL DEFAULT 0,
    CONSTRAINT fk_report_request_application FOREIGN KEY (application_id) REFERENCES application (id),
    CONSTRAINT fk_report_request_decision FOREIGN KEY (decision_id) REFERENCES grant_decision (id),
    CONSTRAINT fk_report_request_partner FOREIGN KEY (partner_id) REFERENCES partner_organisation (id)
);
CREATE INDEX ix_report_request_status_due ON report_request (status, due_on);
CREATE INDEX ix_report_request_application ON report_request (application_id);
CREATE INDEX ix_report_request_partner ON report_request (partner_id, status);

-- One reminder per request, kind and due date: a moved due date may be reminded of again.
CREATE TABLE report_reminder (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    request_id BIGINT NOT NULL,
    kind VARCHAR(20) NOT NULL,
    for_due_on DATE NOT NULL,
    sent_at DATETIME(6) NOT NULL,
    recipients INT NOT NULL,
    CONSTRAINT uq_report_reminder UNIQUE (request_id, kind, for_due_on),
    CONSTRAINT fk_reminder_request FOREIGN KEY (request_id) REFERENCES report_request (id)
);

-- A submitted report; a request asked for more gets a further report.
CREATE TABLE report (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    request_id BIGINT NOT NULL,
    submitted_at DATETIME(6) NOT NULL,
    submitted_by VARCHAR(254) NOT NULL,
    via_upload BOOLEAN NOT NULL DEFAULT FALSE,
    narrative VARCHAR(8000),
    review_outcome VARCHAR(20),
    review_note VARCHAR(4000),
    reviewed_by VARCHAR(254),
    reviewed_at DATETIME(6),
    CONSTRAINT fk_report_request FOREIGN KEY (request_id) REFERENCES report_request (id)
);
CREATE INDEX ix_report_request ON report (request_id);

CREATE TABLE report_activity (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    report_id BIGINT NOT NULL,
    activity_id BIGINT NOT NULL,
    participants INT NOT NULL,
    sessions INT NOT NULL,
    volunteers INT NOT NULL,
    note VARCHAR(2000),
    CONSTRAINT uq_report_activity UNIQUE (report_id, activity_id),
    CONSTRAINT fk_report_activity_report FOREIGN KEY (report_id) REFERENCES report (id),
    CONSTRAINT fk_report_activity_activity FOREIGN KEY (activity_id) REFERENCES application_activity (id),
    CONSTRAINT ck_report_activity_reach CHECK (participants >= 0 AND sessions >= 0 AND volunteers >= 0)
);

CREATE TABLE report_indicator (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    report_id BIGINT NOT NULL,
    position INT NOT NULL,
    name VARCHAR(200) NOT NULL,
    indicator_value DECIMAL(15, 2) NOT NULL,
    CONSTRAINT fk_report_indicator_report FOREIGN KEY (report_id) REFERENCES report (id)
);

CREATE TABLE report_spending (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    report_id BIGINT NOT NULL,
    position INT NOT NULL,
    budget_line_id BIGINT,
    description VARCHAR(200) NOT NULL,
    budgeted DECIMAL(15, 2) NOT NULL,
    spent DECIMAL(15, 2) NOT NULL,
    CONSTRAINT fk_report_spending_report FOREIGN KEY (report_id) REFERENCES report (id),
    CONSTRAINT ck_report_spending CHECK (spent >= 0)
);

-- The final determination of a grant; at most one per decision.
CREATE TABLE determination (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    decision_id BIGINT NOT NULL,
    application_id BIGINT NOT NULL,
    awarded DECIMAL(15, 2) NOT NULL,
    final_amount DECIMAL(15, 2) NOT NULL,
    paid_before DECIMAL(15, 2) NOT NULL,
    cancelled_unpaid DECIMAL(15, 2) NOT NULL,
    reasons VARCHAR(4000),
    direct_tier BOOLEAN NOT NULL,
    determined_on DATE NOT NULL,
    determined_at DATETIME(6) NOT NULL,
    determined_by VARCHAR(254) NOT NULL,
    objection_deadline DATE NOT NULL,
    letter_document_id BIGINT,
    CONSTRAINT uq_determination_decision UNIQUE (decision_id),
    CONSTRAINT fk_determination_decision FOREIGN KEY (decision_id) REFERENCES grant_decision (id),
    CONSTRAINT fk_determination_application FOREIGN KEY (application_id) REFERENCES application (id),
    CONSTRAINT fk_determination_letter FOREIGN KEY (letter_document_id) REFERENCES issued_document (id),
    CONSTRAINT ck_determination_amount CHECK (final_amount >= 0 AND final_amount <= awarded)
);

-- Balance payments after a determination; scheduled ones not yet paid may be cancelled.
ALTER TABLE payment_instruction ADD COLUMN kind VARCHAR(20) NOT NULL DEFAULT 'SCHEDULE';
ALTER TABLE payment_instruction ADD COLUMN determination_id BIGINT;
ALTER TABLE payment_instruction ADD CONSTRAINT fk_payment_determination
    FOREIGN KEY (determination_id) REFERENCES determination (id);

-- Money paid beyond the final amount, to be paid back (Awb 4:57), tracked until settled.
CREATE TABLE reclaim (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    determination_id BIGINT NOT NULL,
    application_id BIGINT NOT NULL,
    amount DECIMAL(15, 2) NOT NULL,
    received DECIMAL(15, 2) NOT NULL DEFAULT 0,
    due_on DATE NOT NULL,
    limitation_on DATE NOT NULL,
    debtor_name VARCHAR(200) NOT NULL,
    status VARCHAR(20) NOT NULL,
    settled_on DATE,
    created_at DATETIME(6) NOT NULL,
    version BIGINT NOT NULL DEFAULT 0,
    CONSTRAINT uq_reclaim_determination UNIQUE (determination_id),
    CONSTRAINT fk_reclaim_determination FOREIGN KEY (determination_id) REFERENCES determination (id),
    CONSTRAINT fk_reclaim_application FOREIGN KEY (application_id) REFERENCES application (id),
    CONSTRAINT ck_reclaim_amounts CHECK (amount > 0 AND received >= 0 AND received <= amount)
);
CREATE INDEX ix_reclaim_status ON reclaim (status, due_on);

CREATE TABLE reclaim_receipt (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    reclaim_id BIGINT NOT NULL,
    amount DECIMAL(15, 2) NOT NULL,
    received_on DATE NOT NULL,
    bank_reference VARCHAR(60),
    recorded_by VARCHAR(254) NOT NULL,
    recorded_at DATETIME(6) NOT NULL,
    CONSTRAINT fk_receipt_reclaim FOREIGN KEY (reclaim_id) REFERENCES reclaim (id),
    CONSTRAINT ck_receipt_amount CHECK (amount > 0)
);
