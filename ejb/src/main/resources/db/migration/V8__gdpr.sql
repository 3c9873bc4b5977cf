-- AVG (GDPR): when an organiser's personal data was anonymised after the retention term. The status
-- ANONYMISED fits the existing column; the moment is kept for the account list and the export README.
ALTER TABLE app_user ADD COLUMN anonymised_at DATETIME(6) NULL;

-- The retention list looks up every organiser's latest fact; these keep its joins on indexes.
CREATE INDEX ix_report_request_decision ON report_request (decision_id);
CREATE INDEX ix_payment_application ON payment_instruction (application_id, status);
