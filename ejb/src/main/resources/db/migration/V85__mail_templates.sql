-- Mail templates per municipality (issue 21): the Dutch subject and body of the mails to applicants that a
-- municipality words itself (request for information, decisions, determination, report reminders), kept as versions
-- that are only ever added. No rows: the mails use the built-in text. Each queued mail records the version it used.
CREATE TABLE mail_template (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    municipality_id BIGINT NOT NULL,
    kind VARCHAR(40) NOT NULL,
    current_number INT NOT NULL,
    version BIGINT NOT NULL DEFAULT 0,
    CONSTRAINT uq_mail_template UNIQUE (municipality_id, kind),
    CONSTRAINT fk_mail_template_municipality FOREIGN KEY (municipality_id) REFERENCES municipality (id)
);

CREATE TABLE mail_template_version (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    template_id BIGINT NOT NULL,
    number INT NOT NULL,
    subject VARCHAR(300) NOT NULL,
    body VARCHAR(8000) NOT NULL,
    created_by VARCHAR(254) NOT NULL,
    created_at DATETIME(6) NOT NULL,
    CONSTRAINT uq_mail_template_version UNIQUE (template_id, number),
    CONSTRAINT fk_mail_template_version_template FOREIGN KEY (template_id) REFERENCES mail_template (id)
);

ALTER TABLE outbound_mail ADD COLUMN template_version_id BIGINT NULL;
ALTER TABLE outbound_mail ADD COLUMN template_label VARCHAR(80) NULL;
