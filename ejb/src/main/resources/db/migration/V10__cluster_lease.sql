-- Timer jobs that must run on one node of a cluster at a time (mail delivery, the daily
-- reminders) take a lease here first; whoever updates the row while it is free runs the job.
CREATE TABLE cluster_lease (
    name VARCHAR(60) PRIMARY KEY,
    held_by VARCHAR(100),
    held_until DATETIME(6) NOT NULL
);
INSERT INTO cluster_lease (name, held_by, held_until) VALUES ('mail-delivery', NULL, '1970-01-01 00:00:00');
INSERT INTO cluster_lease (name, held_by, held_until) VALUES ('report-reminders', NULL, '1970-01-01 00:00:00');
