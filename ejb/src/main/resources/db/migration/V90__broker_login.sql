-- Login of organisations (eHerkenning) and residents (DigiD) through a broker that speaks OpenID Connect (issue 19).
-- Per municipality and kind of broker: its issuer, this installation's client there (the secret encrypted by the
-- application, see SecretBox) and, for eHerkenning, the level of assurance a submission on behalf of an
-- organisation needs.
CREATE TABLE broker_login (
    municipality_id BIGINT NOT NULL,
    kind VARCHAR(20) NOT NULL,
    issuer VARCHAR(500) NOT NULL,
    client_id VARCHAR(200) NOT NULL,
    client_secret VARCHAR(1000) NOT NULL,
    required_submit_level VARCHAR(20) NOT NULL,
    enabled BOOLEAN NOT NULL,
    updated_at DATETIME(6) NOT NULL,
    version BIGINT NOT NULL,
    CONSTRAINT pk_broker_login PRIMARY KEY (municipality_id, kind),
    CONSTRAINT fk_broker_login_municipality FOREIGN KEY (municipality_id) REFERENCES municipality (id)
);

-- Whom a broker said someone is: found again by (issuer, subject), the acting person's pseudonym. A resident's BSN
-- only encrypted (bsn_encrypted) and as a keyed hash (bsn_lookup) to recognise the same person through another
-- issuer; no page, export or log shows either.
CREATE TABLE broker_identity (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    user_id BIGINT NOT NULL,
    kind VARCHAR(20) NOT NULL,
    issuer VARCHAR(500) NOT NULL,
    subject VARCHAR(255) NOT NULL,
    kvk_number VARCHAR(20),
    organisation_name VARCHAR(255),
    bsn_encrypted VARCHAR(200),
    bsn_lookup CHAR(64),
    last_level VARCHAR(20),
    created_at DATETIME(6) NOT NULL,
    last_login_at DATETIME(6) NOT NULL,
    version BIGINT NOT NULL,
    CONSTRAINT uq_broker_identity UNIQUE (issuer, subject),
    CONSTRAINT fk_broker_identity_user FOREIGN KEY (user_id) REFERENCES app_user (id)
);
CREATE INDEX ix_broker_identity_bsn ON broker_identity (bsn_lookup);

-- An application started after an eHerkenning login carries the broker's KvK number, which the organiser cannot
-- change for that application.
ALTER TABLE application ADD COLUMN kvk_from_broker BOOLEAN NOT NULL DEFAULT FALSE;

-- The municipality's staff provider secret is encrypted from now on (V91 encrypts the rows stored before); the
-- encrypted form is longer.
ALTER TABLE municipal_login MODIFY client_secret VARCHAR(1000) NOT NULL;
