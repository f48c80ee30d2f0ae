-- Check: a statement's stated count differs from the number of States it names
-- ("Twenty-two States (…23 names…) reported …", para 187). Names are distinct resolved States, so
-- "Bosnia and Herzegovina", "Lithuania,⁵" or "the Philippines" each count once and never cause a mismatch.
-- Written once over report_id: every report's rows, each from its own datasets.
CREATE OR REPLACE VIEW consistency_count_vs_names_by_report AS
SELECT
  f.report_id,
  'count_vs_names' AS kind,
  'error' AS severity,
  f.paragraph,
  CAST(NULL AS VARCHAR) AS related,
  format('{} States (the stated count)', f.stated_count) AS expected,
  format('{} States named', f.named_count) AS found,
  format(
    'Para {} (line {}): "{}" states {} but its list names {} States ({}).',
    f.paragraph,
    f.report_line,
    left(f.statement, 90) || CASE
      WHEN length(f.statement) > 90 THEN '…'
      ELSE ''
    END,
    f.stated_count,
    f.named_count,
    f.counted
  ) AS explanation,
  f.finding_id
FROM
  report_findings f
WHERE
  f.stated_count IS NOT NULL
  AND f.list_kind <> 'none'
  AND f.named_count <> f.stated_count;

-- The session's report's rows (session_report(), data-loaders/sql/models/002_reports.sql).
CREATE OR REPLACE VIEW consistency_count_vs_names AS
SELECT
  * EXCLUDE (report_id)
FROM
  consistency_count_vs_names_by_report
WHERE
  report_id = session_report ();
