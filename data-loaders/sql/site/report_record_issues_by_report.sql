-- Every report's disagreements with the UN's records (report_record_issues_by_report), for the Data quality page
-- and the State pages, with what a reader follows each one to: the indicator whose table cell it disputes
-- (check_id 'indicator-<id>:<cycle>') and its pillar page, the paragraph (when the report's side is a paragraph;
-- linked only for the report whose findings the site shows, as in consistency_issues_by_report.sql) and the
-- record's public address (the URL its source names, from the UN vote files or the treaty record).
WITH
  shown AS (
    SELECT DISTINCT
      r.report_id
    FROM
      report_findings r
      JOIN findings f USING (finding_id)
  ),
  keyed AS (
    SELECT
      r.*,
      CASE
        WHEN r.check_id LIKE 'indicator-%:%' THEN split_part(split_part(r.check_id, ':', 1), '-', 2)
      END AS indicator_id,
      CASE
        WHEN regexp_full_match(r.paragraph, '[0-9]+') THEN r.paragraph
      END AS paragraph_number,
      nullif(regexp_extract(r.record_source, 'https?://[^\s)]+'), '') AS record_url
    FROM
      report_record_issues_by_report r
  )
SELECT
  k.*,
  i.pillar_code AS indicator_pillar,
  CASE
    WHEN k.report_id IN (
      SELECT
        report_id
      FROM
        shown
    )
    AND k.paragraph_number IS NOT NULL THEN (
      SELECT
        min(p.pillar_code)
      FROM
        findings p
      WHERE
        p.paragraph = k.paragraph_number
    )
  END AS paragraph_pillar
FROM
  keyed k
  LEFT JOIN indicators i USING (indicator_id)
ORDER BY
  k.report_id,
  CASE k.severity
    WHEN 'error' THEN 1
    WHEN 'warning' THEN 2
    ELSE 3
  END,
  k.check_id;
