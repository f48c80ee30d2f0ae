-- indicator_contested: indicator values that the report itself contradicts. A consistency issue whose paragraph or
-- related side names "indicator <id>" is about the value that indicator's table prints in the latest reported
-- cycle (the report being checked is that cycle's report). The briefing and the site point from the value to the
-- issue, so a contested figure is never given without saying so.
CREATE OR REPLACE VIEW indicator_contested AS
WITH latest AS (
  SELECT c.cycle
  FROM cycles c
  WHERE EXISTS (SELECT 1 FROM indicator_values v WHERE v.cycle = c.cycle)
  ORDER BY c.ordinal DESC
  LIMIT 1
),
mentions AS (
  SELECT i.*, unnest(regexp_extract_all(coalesce(i.paragraph, '') || ' ' || coalesce(i.related, ''),
                                        'indicator ([0-9]+\.[0-9]+)', 1)) AS indicator_id
  FROM consistency_issues i
)
SELECT DISTINCT
  m.indicator_id,
  (SELECT cycle FROM latest) AS cycle,
  v.value,
  m.kind, m.severity, m.paragraph, m.related, m.expected, m.found, m.explanation
FROM mentions m
JOIN indicators ind ON ind.indicator_id = m.indicator_id
LEFT JOIN indicator_values v ON v.indicator_id = m.indicator_id AND v.cycle = (SELECT cycle FROM latest)
ORDER BY m.indicator_id, m.kind, m.paragraph;
