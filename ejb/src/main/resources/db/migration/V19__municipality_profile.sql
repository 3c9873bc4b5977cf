-- Each municipality's own profile (issue 18): the letterhead of its letters (address, contact details, logo), where
-- objections go, the court named for appeal, the account reclaims are paid back to and its funder identifier in the
-- open register. A fund manager of the municipality fills it in (admin/municipality.xhtml, /api/municipality).
-- Every field may stay empty: letters and the register then use the installation's settings
-- (preventiefonds.objection.address, .appeal.court, .reclaim.iban, .opendata.funder.id) and otherwise the wording
-- they used before, so an existing installation (Assen) reads exactly as it did until its profile is filled.
ALTER TABLE municipality ADD COLUMN street VARCHAR(200) NULL;
ALTER TABLE municipality ADD COLUMN postal_code VARCHAR(7) NULL;
ALTER TABLE municipality ADD COLUMN city VARCHAR(120) NULL;
ALTER TABLE municipality ADD COLUMN objection_address VARCHAR(500) NULL;
ALTER TABLE municipality ADD COLUMN appeal_court VARCHAR(200) NULL;
ALTER TABLE municipality ADD COLUMN phone VARCHAR(30) NULL;
ALTER TABLE municipality ADD COLUMN email VARCHAR(254) NULL;
ALTER TABLE municipality ADD COLUMN website VARCHAR(200) NULL;
ALTER TABLE municipality ADD COLUMN reclaim_iban VARCHAR(34) NULL;
ALTER TABLE municipality ADD COLUMN funder_id VARCHAR(100) NULL;
-- SHA-256 of the current logo (none: no logo): the profile's version moves when only the logo changes.
ALTER TABLE municipality ADD COLUMN logo_sha256 VARCHAR(64) NULL;
ALTER TABLE municipality ADD COLUMN version BIGINT NOT NULL DEFAULT 0;

-- The logo apart, so reading a municipality (with every fund and call) never reads the image.
CREATE TABLE municipality_logo (
    municipality_id BIGINT NOT NULL PRIMARY KEY,
    content_type VARCHAR(20) NOT NULL,
    content LONGBLOB NOT NULL,
    CONSTRAINT fk_municipality_logo_municipality FOREIGN KEY (municipality_id) REFERENCES municipality (id)
);
