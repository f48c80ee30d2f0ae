-- How many rows of relation $relation have NULL in each of the columns $columns (a list of names): one row, with a
-- count named after each column (data-loaders/steps/column-checks.ts). One query per relation, not per column: the
-- build checks about 600 columns.
SELECT
  count_if(COLUMNS (c -> list_contains($columns, c)) IS NULL)
FROM
  query_table ($relation);
