-- The edition facts of every report, one row per fact with where it was read (data-loaders/extract/reports/editions.ts:
-- sources/reports/editions.csv, the report's text, its metadata), keyed by report_id (rename and cast only). A
-- report of which no fact was read still has one row (field NULL), so that it is listed in table reports.
CREATE TABLE report_editions AS
SELECT
  report_id,
  CAST(ordinal AS INTEGER) AS ordinal,
  folder,
  field,
  value,
  source
FROM
  raw.report_editions;
