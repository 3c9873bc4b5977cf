-- Staff work for one municipality (tenant): officers, decision makers and fund managers see and change only its
-- objects. Organisers and partners have none: they may apply or report in several municipalities.
ALTER TABLE app_user ADD COLUMN municipality_id BIGINT NULL;
ALTER TABLE app_user ADD CONSTRAINT fk_app_user_municipality FOREIGN KEY (municipality_id) REFERENCES municipality (id);
-- Until now an installation could hold one municipality only (only code created one), so its staff are that
-- municipality's. An installation without a municipality leaves them unassigned; they see nothing until an
-- administrator assigns them.
UPDATE app_user SET municipality_id = (SELECT MIN(m.id) FROM municipality m)
    WHERE role IN ('OFFICER', 'DECISION_MAKER', 'FUND_MANAGER')
      AND (SELECT COUNT(*) FROM municipality) = 1;
