-- Disagreements and gaps between the membership sources (rename and cast only).
CREATE TABLE membership_reconciliation AS
SELECT
  issue_id,
  iso3,
  kind,
  sources,
  description,
  resolution,
  outcome
FROM
  raw.membership_reconciliation;
