-- One value row per indicator and measured cycle; a row without a value says why. Returns one row per violation.
-- "Measured cycles" are those with any value row, so a cycle added to `cycles` before its report is not a gap.
WITH
  measured AS (
    SELECT DISTINCT
      cycle
    FROM
      indicator_values
  ),
  expected AS (
    SELECT
      i.indicator_id,
      m.cycle
    FROM
      indicators i
      CROSS JOIN measured m
  )
SELECT
  'indicator ' || e.indicator_id || ' has no value row for cycle ' || e.cycle AS problem
FROM
  expected e
  LEFT JOIN indicator_values v USING (indicator_id, cycle)
WHERE
  v.indicator_id IS NULL
UNION ALL
SELECT
  'indicator ' || indicator_id || ' has ' || count(*) || ' value rows for cycle ' || cycle AS problem
FROM
  indicator_values
GROUP BY
  indicator_id,
  cycle
HAVING
  count(*) > 1
UNION ALL
SELECT
  'value row ' || indicator_id || ' ' || cycle || ' names an indicator that is not in indicators' AS problem
FROM
  indicator_values
WHERE
  indicator_id NOT IN (
    SELECT
      indicator_id
    FROM
      indicators
  )
UNION ALL
SELECT
  'value row ' || indicator_id || ' ' || cycle || ' names a cycle that is not in cycles' AS problem
FROM
  indicator_values
WHERE
  cycle NOT IN (
    SELECT
      cycle
    FROM
      cycles
  )
UNION ALL
SELECT
  'indicator ' || indicator_id || ' ' || cycle || ' has no value and no missing_reason' AS problem
FROM
  indicator_values
WHERE
  value IS NULL
  AND missing_reason IS NULL;
