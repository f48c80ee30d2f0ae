-- Every current finding (the latest report's, sql/reports/current.sql) for the findings page and the State pages:
-- its paragraph, pillar, sentence, what it counts and the count the report states, the indicator it concerns (and
-- that indicator's pillar, for the link), the report it was read from. Paragraphs in the report's order: the
-- summary's items (II.A.1) first, then the numbered paragraphs as numbers.
SELECT
  f.finding_id,
  f.paragraph,
  f.pillar_code,
  p.name AS pillar,
  f.statement,
  f.counted,
  f.stated_count,
  f.indicator_id,
  i.pillar_code AS indicator_pillar,
  f.cycle,
  rf.report_id
FROM
  findings f
  LEFT JOIN indicators i USING (indicator_id)
  LEFT JOIN report_findings rf USING (finding_id)
  LEFT JOIN pillars p ON p.pillar_code = f.pillar_code
ORDER BY
  TRY_CAST (f.paragraph AS INTEGER) NULLS FIRST,
  f.paragraph,
  f.finding_id;
