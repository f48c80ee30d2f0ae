-- The report before the briefing's report, if the database holds one (table reports).
SELECT
  p.report_id
FROM
  reports r
  JOIN reports p ON p.ordinal < r.ordinal
WHERE
  r.report_id = $cycle
ORDER BY
  p.ordinal DESC
LIMIT
  1;
