-- The values of the key $key (a list of columns) that more than one row of relation $relation shares: the key's
-- columns and how many rows share them (data-loaders/steps/column-checks.ts).
SELECT
  *,
  count(*)::INTEGER AS duplicate_rows
FROM
  (
    SELECT
      COLUMNS (c -> list_contains($key, c))
    FROM
      query_table ($relation)
  )
GROUP BY ALL
HAVING
  count(*) > 1
ORDER BY
  duplicate_rows DESC
LIMIT
  5;
