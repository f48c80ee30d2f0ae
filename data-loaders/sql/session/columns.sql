-- Every column of the main schema's tables and views, with its relation's type, in table and column order: what
-- the data dictionary checks against the descriptions (data-loaders/dictionary.ts).
SELECT
  c.table_name,
  t.table_type,
  c.column_name,
  c.data_type
FROM
  information_schema.columns c
  JOIN information_schema.tables t USING (table_catalog, table_schema, table_name)
WHERE
  c.table_schema = 'main'
  AND c.table_catalog = current_database()
ORDER BY
  c.table_name,
  c.ordinal_position;
