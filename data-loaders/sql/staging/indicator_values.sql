-- LAP indicator values per cycle of every report, keyed by report_id (rename and cast only). An empty value stays NULL (not measured), never 0.
CREATE TABLE report_indicator_values AS
SELECT
  report_id,
  indicator_id,
  cycle,
  CAST(value AS INTEGER) AS value,
  CAST(value_secondary AS INTEGER) AS value_secondary,
  measure,
  secondary_measure,
  missing_reason,
  CAST(revised AS BOOLEAN) AS revised,
  footnote,
  as_printed,
  source_ref,
  CAST(report_line AS INTEGER) AS report_line,
  override_note
FROM
  raw.indicator_values;
