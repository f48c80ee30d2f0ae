-- Every table and view of the main schema is published (download, SQL explorer); raw.* staging copies are not.
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
