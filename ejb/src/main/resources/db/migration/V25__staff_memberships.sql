-- Staff roles per municipality (issue 18): one person may work for several municipalities, with a role in each, and
-- switches explicitly; app_user.role and app_user.municipality_id are the membership they work in now.
CREATE TABLE staff_membership (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    account_id BIGINT NOT NULL,
    municipality_id BIGINT NOT NULL,
    role VARCHAR(20) NOT NULL,
    created_at DATETIME(6) NOT NULL,
    CONSTRAINT uq_staff_membership UNIQUE (account_id, municipality_id),
    CONSTRAINT fk_staff_membership_account FOREIGN KEY (account_id) REFERENCES app_user (id),
    CONSTRAINT fk_staff_membership_municipality FOREIGN KEY (municipality_id) REFERENCES municipality (id)
);
CREATE INDEX ix_staff_membership_municipality ON staff_membership (municipality_id, role);

-- Every member of staff so far works for the one municipality of their account.
INSERT INTO staff_membership (account_id, municipality_id, role, created_at)
    SELECT id, municipality_id, role, created_at FROM app_user
    WHERE municipality_id IS NOT NULL AND role IN ('OFFICER', 'DECISION_MAKER', 'FUND_MANAGER');
