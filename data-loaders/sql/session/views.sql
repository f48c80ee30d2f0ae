-- The views of the main schema with their definitions, in the order they were created: what a reading session
-- copies into temporary tables (data-loaders/lib/snapshot.ts).
SELECT
  view_name AS name,
  sql
FROM
  duckdb_views()
WHERE
  schema_name = 'main'
  AND NOT internal
ORDER BY
  view_oid;
