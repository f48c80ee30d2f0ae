-- Which tables and views exist, so the briefing can say what a partial database lacks.
SELECT
  table_name
FROM
  information_schema.tables
WHERE
  table_schema = 'main'
ORDER BY
  table_name;
