-- Check: a summary bullet or narrative figure differs from the table value of the LAP indicator it reports
-- (the link finding → indicator is the reviewed hand file sources/overrides/finding_indicators.csv).
-- A statement without a count but with a list (para 84: "One State Party (Peru)") is compared by its names.
-- Indicator values the table does not give (NULL) are not compared: missing is not zero.
CREATE OR REPLACE VIEW consistency_table_values AS
SELECT
  CASE WHEN f.paragraph LIKE 'II.%' THEN 'summary_vs_table' ELSE 'narrative_vs_table' END AS kind,
  'error' AS severity,
  f.paragraph,
  'indicator ' || f.indicator_id AS related,
  format('{} (table, indicator {}, {} column)', v.value, f.indicator_id, f.cycle) AS expected,
  format('{} ({})', coalesce(f.stated_count, f.named_count), CASE WHEN f.paragraph LIKE 'II.%' THEN 'summary bullet' ELSE 'paragraph' END) AS found,
  format('{} {} gives {} {}, but the {} column of the table prints {} for indicator {} ("{}").',
         CASE WHEN f.paragraph LIKE 'II.%' THEN 'Summary item' ELSE 'Para' END, f.paragraph,
         coalesce(f.stated_count, f.named_count), f.counted, f.cycle, v.value, f.indicator_id,
         left(i.text, 80) || CASE WHEN length(i.text) > 80 THEN '…' ELSE '' END) AS explanation,
  f.finding_id
FROM findings f
JOIN indicator_values v ON v.indicator_id = f.indicator_id AND v.cycle = f.cycle
JOIN indicators i ON i.indicator_id = f.indicator_id
WHERE v.value IS NOT NULL
  AND coalesce(f.stated_count, f.named_count) <> v.value;
