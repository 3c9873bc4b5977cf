-- An objection (bezwaar) against a final determination (vaststelling), with the same Awb terms as one against a
-- decision (6:7, 6:8, 6:11, 7:10). Upheld, a new determination takes the contested one's place (Awb 7:11): a grant
-- may now have several determinations, of which the one not replaced is in force. The plain index keeps the foreign
-- key on decision_id indexed once the unique constraint is gone.
CREATE INDEX ix_determination_decision ON determination (decision_id);
ALTER TABLE determination DROP CONSTRAINT uq_determination_decision;
ALTER TABLE determination ADD COLUMN replaces_id BIGINT NULL;
ALTER TABLE determination ADD COLUMN replaced_by_id BIGINT NULL;
ALTER TABLE determination ADD CONSTRAINT uq_determination_replaces UNIQUE (replaces_id);
ALTER TABLE determination ADD CONSTRAINT fk_determination_replaces
    FOREIGN KEY (replaces_id) REFERENCES determination (id);
ALTER TABLE determination ADD CONSTRAINT fk_determination_replaced_by
    FOREIGN KEY (replaced_by_id) REFERENCES determination (id);

CREATE TABLE determination_objection (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    determination_id BIGINT NOT NULL,
    application_id BIGINT NOT NULL,
    received_on DATE NOT NULL,
    lodged_by VARCHAR(200) NOT NULL,
    grounds VARCHAR(4000) NOT NULL,
    on_time BOOLEAN NOT NULL,
    late_excused BOOLEAN NOT NULL,
    decide_by DATE NOT NULL,
    registered_at DATETIME(6) NOT NULL,
    registered_by VARCHAR(254) NOT NULL,
    outcome VARCHAR(20),
    outcome_on DATE,
    outcome_notes VARCHAR(4000),
    new_determination_id BIGINT,
    letter_document_id BIGINT,
    version BIGINT NOT NULL DEFAULT 0,
    CONSTRAINT fk_det_objection_determination FOREIGN KEY (determination_id) REFERENCES determination (id),
    CONSTRAINT fk_det_objection_application FOREIGN KEY (application_id) REFERENCES application (id),
    CONSTRAINT fk_det_objection_new FOREIGN KEY (new_determination_id) REFERENCES determination (id),
    CONSTRAINT fk_det_objection_letter FOREIGN KEY (letter_document_id) REFERENCES issued_document (id),
    CONSTRAINT ck_det_objection_late CHECK (on_time OR late_excused)
);
CREATE INDEX ix_det_objection_application ON determination_objection (application_id, outcome);

-- A reclaim lowered by a higher determination on objection may come to nothing (cancelled, amount zero).
ALTER TABLE reclaim DROP CONSTRAINT ck_reclaim_amounts;
ALTER TABLE reclaim ADD CONSTRAINT ck_reclaim_amounts CHECK (amount >= 0 AND received >= 0 AND received <= amount);
