-- {revisions figures|statements} and {revisions figures cycles}: what the briefing's report changed against the
-- report before it. figures: the values of earlier cycles it prints differently or newly marks revised (view
-- indicator_revisions), with their cycle, in the order of the briefing's table (action, indicator, cycle);
-- statements: the statements printed in both reports whose count or named States differ (view finding_revisions).
SELECT
  'figures' AS list,
  r.earlier_report,
  r.cycle,
  i.action,
  i.seq
FROM
  indicator_revisions r
  JOIN indicators i USING (indicator_id)
WHERE
  r.later_report = $cycle
UNION ALL
SELECT
  'statements' AS list,
  earlier_report,
  NULL,
  NULL,
  NULL
FROM
  finding_revisions
WHERE
  later_report = $cycle
ORDER BY
  list,
  action,
  seq,
  cycle;
