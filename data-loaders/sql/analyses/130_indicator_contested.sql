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
-- The figure one side of an issue gives: the total after '=' ("22 + 4 = 26"), else its leading number ("25 (para 239)").
figures AS (
  SELECT i.*,
         TRY_CAST(coalesce(nullif(regexp_extract(i.expected, '= ([0-9]+)\s*$', 1), ''), nullif(regexp_extract(i.expected, '^([0-9]+)', 1), '')) AS INTEGER) AS expected_figure,
         TRY_CAST(coalesce(nullif(regexp_extract(i.found, '= ([0-9]+)\s*$', 1), ''), nullif(regexp_extract(i.found, '^([0-9]+)', 1), '')) AS INTEGER) AS found_figure
  FROM consistency_issues i
),
mentions AS (
  SELECT i.*, unnest(regexp_extract_all(coalesce(i.paragraph, '') || ' ' || coalesce(i.related, ''),
                                        'indicator ([0-9]+\.[0-9]+)', 1)) AS indicator_id
  FROM figures i
)
SELECT DISTINCT
  m.indicator_id,
  (SELECT cycle FROM latest) AS cycle,
  v.value,
  -- The other figure the report gives for the same quantity: the side of the issue that is not the table's value.
  CASE WHEN m.expected_figure = v.value THEN m.found_figure WHEN m.found_figure = v.value THEN m.expected_figure END AS other_figure,
  m.kind, m.severity, m.paragraph, m.related, m.expected, m.found, m.explanation
FROM mentions m
JOIN indicators ind ON ind.indicator_id = m.indicator_id
LEFT JOIN indicator_values v ON v.indicator_id = m.indicator_id AND v.cycle = (SELECT cycle FROM latest)
ORDER BY m.indicator_id, m.kind, m.paragraph;
