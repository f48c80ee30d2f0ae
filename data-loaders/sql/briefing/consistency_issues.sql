-- The report's internal inconsistencies, for the annex, numbered as the annex numbers them (mart consistency_annex).
SELECT
  item,
  kind,
  severity,
  paragraph,
  related,
  expected,
  found,
  explanation
FROM
  consistency_annex
ORDER BY
  item;
