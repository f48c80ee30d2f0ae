-- The current findings (the session's report's: the latest report's unless the connection sets as_of_report), each
-- with the report it was read from, so that a page names the report whose paragraph numbers it shows.
SELECT
  f.*,
  rf.report_id
FROM
  findings f
  LEFT JOIN report_findings rf USING (finding_id)
ORDER BY
  f.pillar_code,
  f.finding_id;
