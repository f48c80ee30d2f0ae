-- The temporary copies of the views a session has made (data-loaders/lib/snapshot.ts): what the pipeline saves
-- beside the database it built, for reading sessions to copy instead of computing the views again.
SELECT
  t.table_name AS name
FROM
  duckdb_tables() t
  JOIN duckdb_views() v ON v.view_name = t.table_name
  AND v.database_name = current_database()
  AND v.schema_name = 'main'
  AND NOT v.internal
WHERE
  t.database_name = 'temp'
ORDER BY
  v.view_oid;
