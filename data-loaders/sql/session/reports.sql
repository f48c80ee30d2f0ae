-- The progress reports in the database, in meeting order (only where the database has the reports table: see
-- session/relations.sql).
SELECT
  report_id,
  is_latest
FROM
  reports
ORDER BY
  ordinal;
