-- An application belongs to the municipality of its call's fund (issue 18, tenancy). It is kept on the application
-- itself so that every staff read and change, and every staff list, is scoped by one column of the application
-- without joining call and fund, and so that the staff list walks one index per municipality.
ALTER TABLE application ADD COLUMN municipality_id BIGINT NULL;

UPDATE application SET municipality_id = (SELECT f.municipality_id FROM funding_call c
        JOIN fund f ON f.id = c.fund_id WHERE c.id = application.call_id);

ALTER TABLE application MODIFY municipality_id BIGINT NOT NULL;
ALTER TABLE application ADD CONSTRAINT fk_application_municipality
    FOREIGN KEY (municipality_id) REFERENCES municipality (id);

-- The staff list, newest submitted first: one municipality's applications (drafts have no submission time), and
-- one municipality's applications in one status (the list's filter and the counts per status).
CREATE INDEX ix_application_municipality_submitted ON application (municipality_id, submitted_at, id);
CREATE INDEX ix_application_municipality_status ON application (municipality_id, status, submitted_at, id);
