-- An upheld objection (bezwaar gegrond) revokes the contested decision and takes a new one in its place (Awb 7:11):
-- an application may now have several decisions, of which the one not replaced is in force. The plain index keeps
-- the foreign key on application_id indexed once the unique constraint is gone.
CREATE INDEX ix_decision_application ON grant_decision (application_id);
ALTER TABLE grant_decision DROP CONSTRAINT uq_decision_application;
ALTER TABLE grant_decision ADD COLUMN replaces_id BIGINT NULL;
ALTER TABLE grant_decision ADD COLUMN replaced_by_id BIGINT NULL;
ALTER TABLE grant_decision ADD CONSTRAINT uq_decision_replaces UNIQUE (replaces_id);
ALTER TABLE grant_decision ADD CONSTRAINT fk_decision_replaces FOREIGN KEY (replaces_id) REFERENCES grant_decision (id);
ALTER TABLE grant_decision ADD CONSTRAINT fk_decision_replaced_by
    FOREIGN KEY (replaced_by_id) REFERENCES grant_decision (id);

-- The decision an upheld objection led to.
ALTER TABLE objection ADD COLUMN new_decision_id BIGINT NULL;
ALTER TABLE objection ADD CONSTRAINT fk_objection_new_decision
    FOREIGN KEY (new_decision_id) REFERENCES grant_decision (id);

-- Money paid under a decision revoked on objection beyond the decision replacing it is reclaimed too (Awb 4:57):
-- such a reclaim names the revoked decision instead of a determination.
ALTER TABLE reclaim MODIFY determination_id BIGINT NULL;
ALTER TABLE reclaim ADD COLUMN decision_id BIGINT NULL;
ALTER TABLE reclaim ADD CONSTRAINT fk_reclaim_decision FOREIGN KEY (decision_id) REFERENCES grant_decision (id);
ALTER TABLE reclaim ADD CONSTRAINT ck_reclaim_cause CHECK (determination_id IS NOT NULL OR decision_id IS NOT NULL);
