-- Written once over report_id: every report's rows, each from its own findings (isu_contributors_by_report).
-- States that contributed to the ISU budget of the year the prose names (para 22: the 2024 budget),
-- one row per State; the topic link is reviewed in sources/overrides/finding_indicators.csv.
CREATE TABLE isu_contributors_by_report AS
SELECT
  f.report_id,
  fs.iso3,
  fs.name_as_written,
  CAST(regexp_extract(f.statement, '(\d{4}) budget', 1) AS INTEGER) AS budget_year,
  f.paragraph,
  f.finding_id,
  f.cycle
FROM
  report_findings f
  JOIN report_finding_states fs USING (report_id, finding_id)
WHERE
  f.topic = 'isu_contributor_2024';

-- The session's report's rows (002_reports.sql).
CREATE VIEW isu_contributors AS
SELECT
  * EXCLUDE (report_id)
FROM
  isu_contributors_by_report
WHERE
  report_id = session_report ();
