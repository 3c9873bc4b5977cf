-- Conversation (issue 21): one thread per application between the organiser (and its partners) and the
-- municipality's staff. Every row carries the application's municipality (tenancy) and the application.
CREATE TABLE thread_message (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    municipality_id BIGINT NOT NULL,
    application_id BIGINT NOT NULL,
    -- MESSAGE: seen by everyone on the thread; NOTE: staff only, never shown to organiser or partner
    kind VARCHAR(10) NOT NULL,
    author_id BIGINT NOT NULL,
    author_name VARCHAR(120) NOT NULL,
    -- ORGANISER, PARTNER or STAFF: which side wrote it (who gets the mail, whose unread it is)
    author_side VARCHAR(10) NOT NULL,
    body VARCHAR(4000) NOT NULL,
    posted_at DATETIME(6) NOT NULL,
    CONSTRAINT fk_thread_message_municipality FOREIGN KEY (municipality_id) REFERENCES municipality (id),
    CONSTRAINT fk_thread_message_application FOREIGN KEY (application_id) REFERENCES application (id),
    CONSTRAINT fk_thread_message_author FOREIGN KEY (author_id) REFERENCES app_user (id),
    CONSTRAINT ck_thread_message_kind CHECK (kind IN ('MESSAGE', 'NOTE')),
    CONSTRAINT ck_thread_message_side CHECK (author_side IN ('ORGANISER', 'PARTNER', 'STAFF')),
    -- a note is written by staff only
    CONSTRAINT ck_thread_message_note CHECK (kind = 'MESSAGE' OR author_side = 'STAFF')
);
CREATE INDEX ix_thread_message_application ON thread_message (application_id, id);
CREATE INDEX ix_thread_message_municipality ON thread_message (municipality_id);

-- How far each user has read each thread: the highest message id seen.
CREATE TABLE thread_read (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    municipality_id BIGINT NOT NULL,
    application_id BIGINT NOT NULL,
    user_id BIGINT NOT NULL,
    last_read_message_id BIGINT NOT NULL,
    read_at DATETIME(6) NOT NULL,
    CONSTRAINT uq_thread_read UNIQUE (application_id, user_id),
    CONSTRAINT fk_thread_read_municipality FOREIGN KEY (municipality_id) REFERENCES municipality (id),
    CONSTRAINT fk_thread_read_application FOREIGN KEY (application_id) REFERENCES application (id),
    CONSTRAINT fk_thread_read_user FOREIGN KEY (user_id) REFERENCES app_user (id)
);

-- A message's files live with the application's attachments (same checks, same storage), marked as the message's.
ALTER TABLE attachment ADD COLUMN thread_message_id BIGINT;
ALTER TABLE attachment ADD CONSTRAINT fk_attachment_thread_message FOREIGN KEY (thread_message_id)
    REFERENCES thread_message (id);
CREATE INDEX ix_attachment_thread_message ON attachment (thread_message_id);
