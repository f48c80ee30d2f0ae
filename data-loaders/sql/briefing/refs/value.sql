-- {value <indicator> [cycle]}: the indicators' values in one cycle (view indicator_trends), with where the report
-- prints each; read once per cycle, looked up by indicator.
SELECT
  indicator_id,
  value,
  value_secondary,
  source_ref
FROM
  indicator_trends
WHERE
  cycle = $cycle;
