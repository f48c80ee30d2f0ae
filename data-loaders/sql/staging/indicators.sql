-- LAP indicators with pillar, unit, scope and polarity (rename and cast only).
CREATE TABLE indicators AS
SELECT
  indicator_id,
  CAST(action AS INTEGER) AS action,
  CAST(seq AS INTEGER) AS seq,
  pillar_code,
  pillar,
  text,
  unit,
  scope,
  polarity,
  polarity_note,
  classification_note,
  source_ref,
  CAST(report_line AS INTEGER) AS report_line,
  CAST(continued_on_line AS INTEGER) AS continued_on_line
FROM
  raw.indicators;
