-- Indicator values that a check of the report, or the UN's records, dispute (view indicator_contested): the pages
-- flag each such figure where they show it, with the other figure and a link to the explanation on the Data
-- quality page (a disagreement with the records has its own row there, by its check id: record-issues.ts, recordRowId).
SELECT
  indicator_id,
  cycle,
  against,
  value,
  other_figure,
  kind,
  severity,
  paragraph,
  explanation,
  CASE
    WHEN against = 'records' THEN 'indicator-' || indicator_id || ':' || cycle
  END AS check_id
FROM
  indicator_contested
ORDER BY
  indicator_id,
  cycle,
  against,
  kind;
