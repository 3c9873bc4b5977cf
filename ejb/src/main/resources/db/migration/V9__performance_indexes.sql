-- Indexes for the national-scale benchmark (docs/performance.md): the lists page and sort on these columns,
-- and the filters look up applications by theme or care domain, without reading whole tables.

-- Staff list without a status filter: newest submitted first, paged.
CREATE INDEX ix_application_submitted ON application (submitted_at, id);
-- All calls newest first (fund manager, filters), and the open calls of the organiser's start page.
CREATE INDEX ix_funding_call_opens ON funding_call (opens_at);
CREATE INDEX ix_funding_call_closes ON funding_call (closes_at);
-- Filters of the impact dashboard and the public register: applications with a theme or care domain.
CREATE INDEX ix_application_theme_theme ON application_theme (theme, application_id);
CREATE INDEX ix_application_care_domain_domain ON application_care_domain (care_domain, application_id);
-- The public register and the impact figures: awards by outcome, newest decision first.
CREATE INDEX ix_decision_outcome_decided ON grant_decision (outcome, decided_on);
-- Accepted reports only, for the impact dashboard's participant and outcome sums.
CREATE INDEX ix_report_outcome_request ON report (review_outcome, request_id);
