-- Reporting cycles of the LAP indicator tables of every report, keyed by report_id (rename and cast only).
CREATE TABLE report_cycles AS
SELECT
  report_id,
  cycle,
  CAST(ordinal AS INTEGER) AS ordinal,
  meeting,
  CAST(period_start AS DATE) AS period_start,
  CAST(period_end AS DATE) AS period_end,
  source_ref,
  CAST(period_line AS INTEGER) AS period_line
FROM
  raw.cycles;
