-- Payment instructions: each advance and tranche of a decision's schedule, due on its date,
-- marked paid by a fund manager or exported for the financial system.
CREATE TABLE payment_instruction (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    decision_id BIGINT NOT NULL,
    tranche_id BIGINT,
    application_id BIGINT NOT NULL,
    label VARCHAR(100) NOT NULL,
    amount DECIMAL(15, 2) NOT NULL,
    due_on DATE NOT NULL,
    payee_name VARCHAR(200) NOT NULL,
    payee_iban VARCHAR(42) NOT NULL,
    status VARCHAR(20) NOT NULL,
    paid_on DATE,
    paid_by VARCHAR(254),
    bank_reference VARCHAR(60),
    created_at DATETIME(6) NOT NULL,
    version BIGINT NOT NULL DEFAULT 0,
    CONSTRAINT uq_payment_tranche UNIQUE (tranche_id),
    CONSTRAINT fk_payment_decision FOREIGN KEY (decision_id) REFERENCES grant_decision (id),
    CONSTRAINT fk_payment_tranche FOREIGN KEY (tranche_id) REFERENCES payment_tranche (id),
    CONSTRAINT fk_payment_application FOREIGN KEY (application_id) REFERENCES application (id),
    CONSTRAINT ck_payment_amount CHECK (amount > 0)
);
CREATE INDEX ix_payment_status_due ON payment_instruction (status, due_on);
