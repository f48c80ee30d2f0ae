-- The columns of every published table, in order, with DuckDB's type names (used to type Arrow columns). One query
-- for all tables: the catalogue binds every view to list its columns, about 10 ms a query, and the downloads
-- asked once for each of some 120 tables.
SELECT
  table_name AS "table",
  column_name AS name,
  data_type AS type
FROM
  information_schema.columns
WHERE
  table_schema = 'main'
  AND table_catalog = current_database()
ORDER BY
  table_name,
  ordinal_position;
