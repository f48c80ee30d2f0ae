-- The number of rows of one table or view ($name; the caller checks it is one of session/relations.sql).
SELECT
  count(*)::INTEGER AS n
FROM
  query_table ($name);
