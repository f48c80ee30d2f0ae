-- Figures stated in each report's prose, for the consistency checks, keyed by report_id (rename and cast only).
CREATE TABLE report_report_figures AS
SELECT
  report_id,
  figure_id,
  cycle,
  CAST(value AS INTEGER) AS value,
  unit,
  paragraph,
  statement,
  note
FROM
  raw.report_figures;
