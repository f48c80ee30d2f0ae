-- The values of column $column of relation $relation that are not among its accepted values, with how many rows
-- hold each (data-loaders/steps/column-checks.ts; the relation and column come from their description).
SELECT
  CAST(v AS VARCHAR) AS value,
  count(*)::INTEGER AS rows
FROM
  (
    SELECT
      COLUMNS (c -> c = $column) AS v
    FROM
      query_table ($relation)
  )
WHERE
  v IS NOT NULL
  AND NOT list_contains($accepted, CAST(v AS VARCHAR))
GROUP BY ALL
ORDER BY
  rows DESC,
  value
LIMIT
  5;
