-- Which tables and views exist, so the briefing can say what a partial database lacks.
SELECT
  table_name
FROM
  information_schema.tables
WHERE
  table_schema = 'main'
  -- not the temporary copies of a reading session (catalog temp, schema main)
  AND table_catalog = current_database()
ORDER BY
  table_name;
