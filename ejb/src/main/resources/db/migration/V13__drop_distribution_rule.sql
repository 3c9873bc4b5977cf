-- The distribution rule of a call (FIRST_COME or RANKING) was stored but never read: decisions are taken one by
-- one, the ranking shows where the money runs out, and the ledger refuses what does not fit. No dead settings.
ALTER TABLE funding_call DROP COLUMN distribution_rule;
