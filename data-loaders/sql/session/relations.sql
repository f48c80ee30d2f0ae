-- The tables and views of the main schema, by name: what the pipeline's summary lists, what the site publishes
-- (downloads, SQL explorer), what a partial database lacks (the briefing, the per-report checks). Not the temporary
-- copies of a reading session (catalog temp, schema main; data-loaders/lib/snapshot.ts).
SELECT
  table_name AS name,
  CASE table_type
    WHEN 'VIEW' THEN 'view'
    ELSE 'table'
  END AS kind
FROM
  information_schema.tables
WHERE
  table_schema = 'main'
  AND table_catalog = current_database()
ORDER BY
  table_name;
