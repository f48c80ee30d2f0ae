-- How many rows of relation $relation have NULL in column $column (data-loaders/steps/column-checks.ts).
SELECT
  count(*)::INTEGER AS rows
FROM
  query_table ($relation)
WHERE
  COLUMNS (c -> c = $column) IS NULL;
