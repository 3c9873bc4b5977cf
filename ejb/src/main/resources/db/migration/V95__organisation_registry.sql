-- Organisation registry (issue 19): one organisation per KvK number for the whole installation (the KvK is
-- national), and who acts for it. Applications keep their own org_kvk_number; the registry's figures per
-- municipality are read from applications and decisions, so nothing here belongs to a municipality.
CREATE TABLE organisation (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    kvk_number VARCHAR(8) NOT NULL,
    -- The name the broker (eHerkenning) last confirmed, and when; null until a claim.
    claimed_name VARCHAR(200) NULL,
    claimed_at DATETIME(6) NULL,
    created_at DATETIME(6) NOT NULL,
    version BIGINT NOT NULL DEFAULT 0,
    CONSTRAINT uq_organisation_kvk UNIQUE (kvk_number)
);

-- A person (organiser account) acting for an organisation: through the broker's claim (then they are its
-- administrator) or through an explicit authorisation by an administrator. Revoked rows stay as history.
CREATE TABLE organisation_representative (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    organisation_id BIGINT NOT NULL,
    user_id BIGINT NOT NULL,
    basis VARCHAR(20) NOT NULL,
    level_of_assurance VARCHAR(40) NULL,
    granted_by VARCHAR(254) NOT NULL,
    granted_at DATETIME(6) NOT NULL,
    confirmed_at DATETIME(6) NOT NULL,
    revoked_at DATETIME(6) NULL,
    revoked_by VARCHAR(254) NULL,
    CONSTRAINT fk_org_representative_organisation FOREIGN KEY (organisation_id) REFERENCES organisation (id),
    CONSTRAINT fk_org_representative_user FOREIGN KEY (user_id) REFERENCES app_user (id)
);
CREATE INDEX ix_org_representative_user ON organisation_representative (user_id, revoked_at);
CREATE INDEX ix_org_representative_org ON organisation_representative (organisation_id, revoked_at);

-- The registry lists a municipality's organisations by KvK number.
CREATE INDEX ix_application_municipality_kvk ON application (municipality_id, org_kvk_number);
