-- Checks on the shape of the lists themselves:
--   duplicate_name      a State printed twice in one list;
--   echo_mismatch       the summary's digits disagree with its number word ("Seven (08)");
--   not_in_parent_list  a part names a State its whole does not ("Of the nine (…), only seven (…)").
-- Written once over report_id: every report's rows, each from its own datasets.
CREATE OR REPLACE VIEW consistency_lists_by_report AS
SELECT
  f.report_id,
  'duplicate_name' AS kind,
  'error' AS severity,
  f.paragraph,
  CAST(NULL AS VARCHAR) AS related,
  format('{} distinct names', f.named_count) AS expected,
  format('also printed twice: {}', f.duplicate_names) AS found,
  format('Para {}: the list of {} names {} more than once.', f.paragraph, f.counted, f.duplicate_names) AS explanation,
  f.finding_id
FROM
  report_findings f
WHERE
  f.duplicate_names IS NOT NULL
UNION ALL
SELECT
  f.report_id,
  'echo_mismatch',
  'error',
  f.paragraph,
  NULL,
  format('{} (the number word)', f.stated_count),
  format('({}) in digits', f.echo_count),
  format('Summary item {} writes the count as a word and in digits, and they differ.', f.paragraph),
  f.finding_id
FROM
  report_findings f
WHERE
  f.echo_count IS NOT NULL
  AND f.stated_count IS NOT NULL
  AND f.echo_count <> f.stated_count
UNION ALL
SELECT
  f.report_id,
  'not_in_parent_list',
  'error',
  f.paragraph,
  p.paragraph,
  format('a State of the list in para {}', p.paragraph),
  fs.name_as_written,
  format(
    'Para {} presents "{}" as part of the {} of para {}, but that list does not name it.',
    f.paragraph,
    fs.name_as_written,
    p.counted,
    p.paragraph
  ),
  f.finding_id
FROM
  report_findings f
  JOIN report_findings p ON p.report_id = f.report_id
  AND p.finding_id = f.parent_finding_id
  JOIN report_finding_states fs ON fs.report_id = f.report_id
  AND fs.finding_id = f.finding_id
WHERE
  f.subset_of_parent
  AND p.named_count > 0
  AND NOT EXISTS (
    SELECT
      1
    FROM
      report_finding_states ps
    WHERE
      ps.report_id = p.report_id
      AND ps.finding_id = p.finding_id
      AND ps.iso3 = fs.iso3
  );

-- The session's report's rows (session_report(), data-loaders/sql/models/002_reports.sql).
CREATE OR REPLACE VIEW consistency_lists AS
SELECT
  * EXCLUDE (report_id)
FROM
  consistency_lists_by_report
WHERE
  report_id = session_report ();
