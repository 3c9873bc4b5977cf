-- The audit trail per municipality (issue 18): each line is on the trail of the municipality of the object it is
-- about, else of the member of staff who acted; none for what belongs to no municipality (an organiser's login).
-- A fund manager reads only their own municipality's trail.
ALTER TABLE audit_entry ADD COLUMN municipality_id BIGINT NULL;
ALTER TABLE audit_entry ADD CONSTRAINT fk_audit_municipality FOREIGN KEY (municipality_id) REFERENCES municipality (id);
CREATE INDEX ix_audit_municipality_occurred ON audit_entry (municipality_id, occurred_at, id);

-- Lines written before: by their subject where it names one, else by the acting member of staff.
UPDATE audit_entry SET municipality_id = (SELECT a.municipality_id FROM application a
        WHERE CONCAT('', a.id) = audit_entry.subject_id) WHERE subject_type = 'Application';
UPDATE audit_entry SET municipality_id = (SELECT m.id FROM municipality m
        WHERE CONCAT('', m.id) = audit_entry.subject_id) WHERE subject_type = 'Municipality';
UPDATE audit_entry SET municipality_id = (SELECT f.municipality_id FROM fund f
        WHERE CONCAT('', f.id) = audit_entry.subject_id) WHERE subject_type = 'Fund';
UPDATE audit_entry SET municipality_id = (SELECT f.municipality_id FROM funding_call c JOIN fund f ON f.id = c.fund_id
        WHERE CONCAT('', c.id) = audit_entry.subject_id) WHERE subject_type = 'FundingCall';
UPDATE audit_entry SET municipality_id = (SELECT a.municipality_id FROM payment_instruction p
        JOIN application a ON a.id = p.application_id
        WHERE CONCAT('', p.id) = audit_entry.subject_id) WHERE subject_type = 'PaymentInstruction';
UPDATE audit_entry SET municipality_id = (SELECT o.municipality_id FROM partner_organisation o
        WHERE CONCAT('', o.id) = audit_entry.subject_id) WHERE subject_type = 'PartnerOrganisation';
UPDATE audit_entry SET municipality_id = (SELECT n.municipality_id FROM neighbourhood n
        WHERE CONCAT('', n.id) = audit_entry.subject_id) WHERE subject_type = 'Neighbourhood';
UPDATE audit_entry SET municipality_id = (SELECT u.municipality_id FROM app_user u
        WHERE CONCAT('', u.id) = audit_entry.subject_id) WHERE subject_type = 'UserAccount';
UPDATE audit_entry SET municipality_id = (SELECT u.municipality_id FROM app_user u WHERE u.email = audit_entry.actor)
        WHERE municipality_id IS NULL;
