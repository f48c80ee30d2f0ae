-- The tables of a saved snapshot of the views, attached as ccm_saved_views (data-loaders/lib/snapshot.ts).
SELECT
  table_name AS name
FROM
  duckdb_tables()
WHERE
  database_name = 'ccm_saved_views'
ORDER BY
  table_name;
