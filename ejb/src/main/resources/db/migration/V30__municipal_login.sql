-- Login through a municipality's own identity provider with OpenID Connect (issue 19): per municipality its
-- issuer, this installation's client there, and which of its groups give which staff role. The client secret is
-- written here and read by the login only; no screen, export or log shows it.
CREATE TABLE municipal_login (
    municipality_id BIGINT PRIMARY KEY,
    issuer VARCHAR(500) NOT NULL,
    client_id VARCHAR(200) NOT NULL,
    client_secret VARCHAR(500) NOT NULL,
    groups_claim VARCHAR(100) NOT NULL,
    officer_groups VARCHAR(500) NOT NULL,
    decision_maker_groups VARCHAR(500) NOT NULL,
    fund_manager_groups VARCHAR(500) NOT NULL,
    enabled BOOLEAN NOT NULL,
    updated_at DATETIME(6) NOT NULL,
    version BIGINT NOT NULL,
    CONSTRAINT fk_municipal_login_municipality FOREIGN KEY (municipality_id) REFERENCES municipality (id)
);
