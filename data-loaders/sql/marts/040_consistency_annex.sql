-- consistency_annex: the report's internal inconsistencies as the briefing's annex numbers them (item), errors
-- first; an indicator's "contested" clause points to these numbers (view contested_figures).
CREATE OR REPLACE VIEW consistency_annex AS
SELECT
  row_number() OVER (
    ORDER BY
      CASE severity
        WHEN 'error' THEN 1
        WHEN 'warning' THEN 2
        ELSE 3
      END,
      kind,
      paragraph,
      related,
      expected,
      found,
      explanation
  )::INTEGER AS item,
  kind,
  severity,
  paragraph,
  related,
  expected,
  found,
  explanation
FROM
  consistency_issues
ORDER BY
  item;
