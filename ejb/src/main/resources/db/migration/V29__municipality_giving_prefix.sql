-- Each municipality's own registered 360Giving publisher prefix (issue 18): one installation publishes for many
-- municipalities, each under its own prefix; empty keeps the installation's setting or 360G-<CBS code>.
ALTER TABLE municipality ADD COLUMN giving_prefix VARCHAR(40) NULL;
