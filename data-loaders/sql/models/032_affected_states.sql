-- Written once over report_id: every report's rows, each from its own findings (affected_states_by_report).
-- States Parties with outstanding obligations as the prose lists them, one row per State and obligation:
--   article3_6_retention   cluster munitions retained under Article 3.6 (para 85)
--   article4_contamination cluster munition contaminated areas, Article 4 (para 104)
--   victims                cluster munition victims, Article 5 (para 153)
-- (Article 3 stockpile destruction is complete for all 41 SPs, para 82, so the prose names no one for it.)
CREATE TABLE affected_states_by_report AS
SELECT
  f.report_id,
  fs.iso3,
  CASE f.topic
    WHEN 'affected_article3_retention' THEN 'article3_6_retention'
    WHEN 'affected_article4_contamination' THEN 'article4_contamination'
    WHEN 'affected_victims' THEN 'victims'
  END AS obligation,
  fs.name_as_written,
  f.paragraph,
  f.finding_id,
  f.cycle
FROM
  report_findings f
  JOIN report_finding_states fs USING (report_id, finding_id)
WHERE
  f.topic LIKE 'affected_%';

-- The session's report's rows (002_reports.sql).
CREATE VIEW affected_states AS
SELECT
  * EXCLUDE (report_id)
FROM
  affected_states_by_report
WHERE
  report_id = session_report ();
