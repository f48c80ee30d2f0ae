-- Facts each progress report states, compared against by the data tests, keyed by report_id (rename and cast only).
CREATE TABLE report_report_facts AS
SELECT
  report_id,
  fact_id,
  CAST(value AS INTEGER) AS value,
  unit,
  CAST(as_of AS DATE) AS as_of,
  paragraph,
  statement
FROM
  raw.report_facts;
