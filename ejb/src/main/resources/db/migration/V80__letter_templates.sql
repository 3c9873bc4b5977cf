-- Letter templates per municipality (issue 21): one row per municipality and kind of letter, its texts as versions
-- that are only ever added (a saved text is never overwritten), and on each issued letter the version it used, so a
-- letter sent shows which text it was made from. No rows: the letters use the built-in text (today's wording).
CREATE TABLE letter_template (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    municipality_id BIGINT NOT NULL,
    kind VARCHAR(30) NOT NULL,
    current_number INT NOT NULL,
    version BIGINT NOT NULL DEFAULT 0,
    CONSTRAINT uq_letter_template UNIQUE (municipality_id, kind),
    CONSTRAINT fk_letter_template_municipality FOREIGN KEY (municipality_id) REFERENCES municipality (id)
);

CREATE TABLE letter_template_version (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    template_id BIGINT NOT NULL,
    number INT NOT NULL,
    body VARCHAR(8000) NOT NULL,
    created_by VARCHAR(254) NOT NULL,
    created_at DATETIME(6) NOT NULL,
    CONSTRAINT uq_letter_template_version UNIQUE (template_id, number),
    CONSTRAINT fk_letter_template_version_template FOREIGN KEY (template_id) REFERENCES letter_template (id)
);

-- The template a letter was made from: the version's id (null: the built-in text) and its name as printed.
ALTER TABLE issued_document ADD COLUMN template_version_id BIGINT NULL;
ALTER TABLE issued_document ADD COLUMN template_label VARCHAR(80) NULL;
ALTER TABLE issued_document ADD CONSTRAINT fk_issued_document_template_version FOREIGN KEY (template_version_id)
    REFERENCES letter_template_version (id);

-- The applicant's postal address, required at submit, printed in the letters' address block.
ALTER TABLE application ADD COLUMN postal_street VARCHAR(200) NULL;
ALTER TABLE application ADD COLUMN postal_code VARCHAR(7) NULL;
ALTER TABLE application ADD COLUMN postal_town VARCHAR(120) NULL;
