-- Narrative findings of every progress report, keyed by report_id (rename and cast only).
CREATE TABLE report_findings AS
SELECT
  report_id,
  finding_id,
  paragraph,
  section,
  pillar_code,
  statement,
  CAST(stated_count AS INTEGER) AS stated_count,
  counted,
  indicator_id,
  cycle,
  CAST(report_line AS INTEGER) AS report_line,
  segment,
  CAST(of_count AS INTEGER) AS of_count,
  CAST(echo_count AS INTEGER) AS echo_count,
  CAST(named_count AS INTEGER) AS named_count,
  list_kind,
  named_as,
  parent_finding_id,
  CAST(subset_of_parent AS BOOLEAN) AS subset_of_parent,
  duplicate_names,
  topic
FROM
  raw.findings;
