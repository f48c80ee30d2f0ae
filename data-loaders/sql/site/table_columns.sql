-- Columns of one published table, in order, with DuckDB's type names (used to type Arrow columns).
SELECT
  column_name AS name,
  data_type AS type
FROM
  information_schema.columns
WHERE
  table_schema = 'main'
  AND table_catalog = current_database()
  AND table_name = $table
ORDER BY
  ordinal_position;
