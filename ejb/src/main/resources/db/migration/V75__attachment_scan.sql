-- Malware scanning of uploads (issue 21). Every stored file says whether it was scanned: NOT_SCANNED when scanning
-- is off (the demo, and every file from before this version), CLEAN with when. A file the scanner flags is never
-- stored as an attachment: it goes to quarantined_file, which no download reads, with the signature found, for the
-- administrators to see. No foreign key to application: the quarantine is written in its own transaction while the
-- upload's transaction holds the application's row, and a quarantine record outlives what it was meant for.
ALTER TABLE attachment ADD COLUMN scan_status VARCHAR(20) NOT NULL DEFAULT 'NOT_SCANNED';
ALTER TABLE attachment ADD COLUMN scanned_at DATETIME(6) NULL;

CREATE TABLE quarantined_file (
    id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
    application_id BIGINT NOT NULL,
    municipality_id BIGINT NOT NULL,
    report_request_id BIGINT NULL,
    filename VARCHAR(200) NOT NULL,
    media_type VARCHAR(120) NOT NULL,
    size_bytes BIGINT NOT NULL,
    sha256 VARCHAR(64) NOT NULL,
    signature VARCHAR(300) NOT NULL,
    uploaded_at DATETIME(6) NOT NULL,
    uploaded_by VARCHAR(254) NOT NULL,
    scanned_at DATETIME(6) NOT NULL,
    content LONGBLOB NOT NULL
);
CREATE INDEX ix_quarantined_file_municipality ON quarantined_file (municipality_id, uploaded_at);
CREATE INDEX ix_quarantined_file_uploader ON quarantined_file (uploaded_by);
