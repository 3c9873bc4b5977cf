-- Mail that is never lost (issue 21): each mail is retried with backoff until its retry deadline (72 hours after
-- queueing), then marked failed, never deleted; it carries its own Message-ID so a copy sent twice (a crash between
-- the SMTP transaction and the commit) is recognisable, and the municipality whose administrators see it.
ALTER TABLE outbound_mail ADD COLUMN next_attempt_at DATETIME(6) NULL;
ALTER TABLE outbound_mail ADD COLUMN retry_until DATETIME(6) NULL;
ALTER TABLE outbound_mail ADD COLUMN last_attempt_at DATETIME(6) NULL;
ALTER TABLE outbound_mail ADD COLUMN failed_at DATETIME(6) NULL;
ALTER TABLE outbound_mail ADD COLUMN message_id VARCHAR(200) NULL;
ALTER TABLE outbound_mail ADD COLUMN municipality_id BIGINT NULL;

-- Mail still waiting is due now and has its 72 hours from when it was queued; mail the old worker gave up on
-- (10 attempts) is failed, so an administrator sees it and can send it again rather than it going out unannounced.
UPDATE outbound_mail SET next_attempt_at = created_at, retry_until = TIMESTAMPADD(HOUR, 72, created_at)
    WHERE sent_at IS NULL;
UPDATE outbound_mail SET failed_at = created_at, next_attempt_at = NULL WHERE sent_at IS NULL AND attempts >= 10;
UPDATE outbound_mail SET message_id = CONCAT('<outbox-', id, '@preventiefonds.migrated>') WHERE message_id IS NULL;

CREATE UNIQUE INDEX uq_outbound_mail_message_id ON outbound_mail (message_id);
CREATE INDEX ix_outbound_mail_due ON outbound_mail (sent_at, failed_at, next_attempt_at);
CREATE INDEX ix_outbound_mail_municipality ON outbound_mail (municipality_id, sent_at);
ALTER TABLE outbound_mail ADD CONSTRAINT fk_outbound_mail_municipality FOREIGN KEY (municipality_id)
    REFERENCES municipality (id) ON DELETE SET NULL;
