-- A report's participants summed once when it is submitted (its activity rows never change afterwards), so the
-- impact figures sum one row per accepted report instead of every activity row (docs/performance.md).
ALTER TABLE report ADD COLUMN participants_total INT NOT NULL DEFAULT 0;

UPDATE report SET participants_total = (SELECT COALESCE(SUM(ra.participants), 0) FROM report_activity ra
    WHERE ra.report_id = report.id);

-- Accepted reports per request with their reach, read from the index alone (ix_report_outcome_request stays for
-- the other report lists).
CREATE INDEX ix_report_accepted_reach ON report (review_outcome, request_id, participants_total);

-- The public register newest decision first: walked backwards and stopped after one page, whatever the outcome.
CREATE INDEX ix_decision_decided ON grant_decision (decided_on, id);
