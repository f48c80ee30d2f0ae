-- {revisions figures|statements}: what the briefing's report changed against the report before it. figures: the
-- values of earlier cycles it prints differently or newly marks revised (view indicator_revisions); statements:
-- the statements printed in both reports whose count or named States differ (view finding_revisions).
SELECT
  'figures' AS list,
  earlier_report
FROM
  indicator_revisions
WHERE
  later_report = $cycle
UNION ALL
SELECT
  'statements' AS list,
  earlier_report
FROM
  finding_revisions
WHERE
  later_report = $cycle;
