-- Assessment (reviews with conflicts of interest, scores, advice), decisions with their
-- payment schedule, objections, and the budget commitment that can never exceed a year's budget.

-- What is committed per budget year; the database itself refuses to go over the budget.
ALTER TABLE fund_year_budget ADD COLUMN committed DECIMAL(15, 2) NOT NULL DEFAULT 0;
ALTER TABLE fund_year_budget ADD CONSTRAINT ck_fund_year_committed CHECK (committed >= 0 AND committed <= budget);

CREATE TABLE review_assignment (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    application_id BIGINT NOT NULL,
    reviewer_id BIGINT NOT NULL,
    assigned_at DATETIME(6) NOT NULL,
    assigned_by VARCHAR(254) NOT NULL,
    -- NULL until the reviewer declared; TRUE means conflicted: no scores allowed
    conflict_of_interest BOOLEAN,
    conflict_reason VARCHAR(1000),
    declared_at DATETIME(6),
    advice VARCHAR(20),
    advised_amount DECIMAL(15, 2),
    advice_reasons VARCHAR(4000),
    weighted_score DECIMAL(5, 2),
    completed_at DATETIME(6),
    version BIGINT NOT NULL DEFAULT 0,
    CONSTRAINT uq_review_assignment UNIQUE (application_id, reviewer_id),
    CONSTRAINT fk_review_application FOREIGN KEY (application_id) REFERENCES application (id),
    CONSTRAINT fk_review_reviewer FOREIGN KEY (reviewer_id) REFERENCES app_user (id)
);
CREATE INDEX ix_review_reviewer ON review_assignment (reviewer_id, completed_at);

CREATE TABLE review_score (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    assignment_id BIGINT NOT NULL,
    criterion_id BIGINT NOT NULL,
    score INT NOT NULL,
    rationale VARCHAR(2000) NOT NULL,
    CONSTRAINT uq_review_score UNIQUE (assignment_id, criterion_id),
    CONSTRAINT fk_score_assignment FOREIGN KEY (assignment_id) REFERENCES review_assignment (id),
    CONSTRAINT fk_score_criterion FOREIGN KEY (criterion_id) REFERENCES call_criterion (id),
    CONSTRAINT ck_score_range CHECK (score BETWEEN 0 AND 10)
);

CREATE TABLE grant_decision (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    application_id BIGINT NOT NULL,
    outcome VARCHAR(20) NOT NULL,
    amount DECIMAL(15, 2) NOT NULL DEFAULT 0,
    budget_year INT,
    fund_id BIGINT NOT NULL,
    reasons VARCHAR(4000),
    obligations VARCHAR(4000),
    advance_percent INT NOT NULL DEFAULT 0,
    report_kind VARCHAR(40),
    report_due_on DATE,
    decided_at DATETIME(6) NOT NULL,
    decided_on DATE NOT NULL,
    decided_by VARCHAR(254) NOT NULL,
    objection_deadline DATE NOT NULL,
    letter_document_id BIGINT,
    CONSTRAINT uq_decision_application UNIQUE (application_id),
    CONSTRAINT fk_decision_application FOREIGN KEY (application_id) REFERENCES application (id),
    CONSTRAINT fk_decision_fund FOREIGN KEY (fund_id) REFERENCES fund (id),
    CONSTRAINT fk_decision_letter FOREIGN KEY (letter_document_id) REFERENCES issued_document (id),
    CONSTRAINT ck_decision_amount CHECK (amount >= 0),
    CONSTRAINT ck_decision_advance CHECK (advance_percent BETWEEN 0 AND 100)
);
CREATE INDEX ix_decision_fund_year ON grant_decision (fund_id, budget_year);

CREATE TABLE payment_tranche (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    decision_id BIGINT NOT NULL,
    position INT NOT NULL,
    label VARCHAR(100) NOT NULL,
    due_on DATE NOT NULL,
    amount DECIMAL(15, 2) NOT NULL,
    CONSTRAINT fk_tranche_decision FOREIGN KEY (decision_id) REFERENCES grant_decision (id),
    CONSTRAINT ck_tranche_amount CHECK (amount > 0)
);

-- Objection (bezwaar, Awb 6:7 and 7:10): registered against a decision, with its outcome.
CREATE TABLE objection (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    decision_id BIGINT NOT NULL,
    received_on DATE NOT NULL,
    lodged_by VARCHAR(200) NOT NULL,
    grounds VARCHAR(4000) NOT NULL,
    on_time BOOLEAN NOT NULL,
    decide_by DATE NOT NULL,
    registered_at DATETIME(6) NOT NULL,
    registered_by VARCHAR(254) NOT NULL,
    outcome VARCHAR(20),
    outcome_on DATE,
    outcome_notes VARCHAR(4000),
    version BIGINT NOT NULL DEFAULT 0,
    CONSTRAINT fk_objection_decision FOREIGN KEY (decision_id) REFERENCES grant_decision (id)
);
