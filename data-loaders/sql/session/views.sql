-- The views of the main schema with their definitions and catalog ids (a view created again gets a new one), in the
-- order they were created: what a reading session copies into temporary tables (data-loaders/lib/snapshot.ts).
SELECT
  view_name AS name,
  database_name AS database,
  sql,
  view_oid::VARCHAR AS oid
FROM
  duckdb_views()
WHERE
  database_name = current_database()
  AND schema_name = 'main'
  AND NOT internal
ORDER BY
  view_oid;
