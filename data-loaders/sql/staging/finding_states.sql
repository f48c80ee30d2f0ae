-- States named in the narrative findings of every report, keyed by report_id (rename and cast only).
CREATE TABLE report_finding_states AS
SELECT
  report_id,
  finding_id,
  iso3,
  name_as_written,
  detail,
  mark,
  CAST(position AS INTEGER) AS position
FROM
  raw.finding_states;
