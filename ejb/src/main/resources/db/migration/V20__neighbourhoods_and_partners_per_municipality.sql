-- A municipality's administrator (fund manager) sets up its own neighbourhoods and partner organisations (issue 18).
--
-- Neighbourhoods get their number of residents (CBS Kerncijfers wijken en buurten, AantalInwoners_5): the impact
-- scenario uses it instead of an assumed number per neighbourhood. Unknown stays NULL, never 0.
ALTER TABLE neighbourhood ADD COLUMN population INT NULL;
ALTER TABLE neighbourhood ADD CONSTRAINT ck_neighbourhood_population CHECK (population IS NULL OR population >= 0);
ALTER TABLE neighbourhood ADD COLUMN version BIGINT NOT NULL DEFAULT 0;

-- Partner organisations belong to one municipality (its coalition), with a contact and a coalition flag. Their
-- names are unique per municipality: two municipalities may each work with a "Welzijn" foundation.
ALTER TABLE partner_organisation ADD COLUMN municipality_id BIGINT NULL;
ALTER TABLE partner_organisation ADD COLUMN contact_name VARCHAR(120) NULL;
ALTER TABLE partner_organisation ADD COLUMN contact_email VARCHAR(254) NULL;
ALTER TABLE partner_organisation ADD COLUMN contact_phone VARCHAR(30) NULL;
ALTER TABLE partner_organisation ADD COLUMN coalition_member BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE partner_organisation ADD COLUMN version BIGINT NOT NULL DEFAULT 0;
ALTER TABLE partner_organisation ADD CONSTRAINT fk_partner_municipality
    FOREIGN KEY (municipality_id) REFERENCES municipality (id);
-- Until now only code created partners: the demo world's, for Assen (GM0106). An installation with Assen gives its
-- partners to Assen, one with a single municipality to that one; otherwise they stay unassigned (no fund manager
-- lists or links them) until someone assigns them in the database.
UPDATE partner_organisation SET municipality_id = COALESCE(
        (SELECT m.id FROM municipality m WHERE m.code = 'GM0106'),
        CASE WHEN (SELECT COUNT(*) FROM municipality) = 1 THEN (SELECT MIN(m2.id) FROM municipality m2) END);
-- Partners that were on the demo world's coalition list (every one until now) are coalition members.
UPDATE partner_organisation SET coalition_member = TRUE;
ALTER TABLE partner_organisation DROP CONSTRAINT uq_partner_name;
ALTER TABLE partner_organisation ADD CONSTRAINT uq_partner_municipality_name UNIQUE (municipality_id, name);
