-- One pillar's findings, with the pillar of the indicator each one concerns (it may belong to another pillar) and
-- the report they were read from (report_findings; the view findings gives the latest report's).
SELECT
  f.finding_id,
  f.paragraph,
  f.pillar_code,
  f.statement,
  f.indicator_id,
  i.pillar_code AS indicator_pillar,
  f.cycle,
  rf.report_id
FROM
  findings f
  LEFT JOIN indicators i USING (indicator_id)
  LEFT JOIN report_findings rf USING (finding_id)
WHERE
  f.pillar_code = $pillar
ORDER BY
  f.finding_id;
