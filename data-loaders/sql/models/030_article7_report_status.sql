-- Written once over report_id: every report's rows, each from its own findings (article7_report_status_by_report).
-- Article 7 report status of each State named in section VI.I for the 2024 reports, as the prose gives it.
-- Which finding states which status is the reviewed `topic` of sources/overrides/finding_indicators.csv:
--   on_time (para 209), late (para 210), initial_submitted (para 208), initial_overdue with the year the
--   report was due (para 213, "Cabo Verde (2011)"), overdue_annual_submitted (para 212: reports for 2023 or earlier).
-- A State can have two rows (Andorra sent its 2024 report on time and overdue earlier ones).
CREATE TABLE article7_report_status_by_report AS
SELECT
  f.report_id,
  fs.iso3,
  CASE f.topic
    WHEN 'article7_on_time_2024' THEN 'on_time'
    WHEN 'article7_late_2024' THEN 'late'
    WHEN 'article7_initial_submitted' THEN 'initial_submitted'
    WHEN 'article7_initial_overdue' THEN 'initial_overdue'
    WHEN 'article7_overdue_annual_submitted' THEN 'overdue_annual_submitted'
  END AS status,
  -- The year in parentheses after the name is the year the initial report was due (para 213).
  CASE
    WHEN f.topic = 'article7_initial_overdue' THEN TRY_CAST (fs.detail AS INTEGER)
  END AS due_year,
  fs.name_as_written,
  f.paragraph,
  f.finding_id,
  f.cycle
FROM
  report_findings f
  JOIN report_finding_states fs USING (report_id, finding_id)
WHERE
  f.topic LIKE 'article7_%';

-- The session's report's rows (002_reports.sql).
CREATE VIEW article7_report_status AS
SELECT
  * EXCLUDE (report_id)
FROM
  article7_report_status_by_report
WHERE
  report_id = session_report ();
