-- A call's own budget: a ceiling inside its fund year budget (NULL: only the year's budget limits it). What is
-- committed against it is kept beside it, written by the same conditional UPDATE as the year's (BudgetLedger),
-- so the database itself refuses to go over it.
ALTER TABLE funding_call ADD COLUMN budget DECIMAL(15, 2);
ALTER TABLE funding_call ADD COLUMN committed DECIMAL(15, 2) NOT NULL DEFAULT 0;

-- What calls have committed so far: their awards, less what determinations gave back.
UPDATE funding_call SET committed = COALESCE((SELECT SUM(g.amount) FROM grant_decision g
        JOIN application a ON a.id = g.application_id WHERE a.call_id = funding_call.id), 0)
    - COALESCE((SELECT SUM(d.awarded - d.final_amount) FROM determination d
        JOIN application a ON a.id = d.application_id WHERE a.call_id = funding_call.id), 0);

ALTER TABLE funding_call ADD CONSTRAINT ck_funding_call_budget
    CHECK (committed >= 0 AND (budget IS NULL OR (budget >= 0 AND committed <= budget)));
