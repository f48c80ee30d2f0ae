-- Check: a State named in one list but missing from the lists that must contain it (sources/list_relations.csv),
-- e.g. a State said to have submitted its 2024 annual report (para 85) that neither para 209 (on time) nor
-- para 210 (late) names. One row per missing State.
-- A reason carried over from an earlier report (a later report's hand file) is read without its mark.
-- Written once over report_id: every report's rows, each from its own datasets.
CREATE OR REPLACE VIEW consistency_list_relations_by_report AS
WITH
  supersets AS (
    SELECT
      report_id,
      relation_id,
      trim(unnest(string_split(superset, ' + '))) AS finding_id
    FROM
      report_list_relations
  ),
  superset_states AS (
    SELECT DISTINCT
      s.report_id,
      s.relation_id,
      fs.iso3
    FROM
      supersets s
      JOIN report_finding_states fs USING (report_id, finding_id)
  )
SELECT
  r.report_id,
  'not_in_related_list' AS kind,
  r.severity,
  r.paragraph,
  r.related,
  format('{} named in para {}', fs.name_as_written, r.related) AS expected,
  format('{} named in para {} only', fs.name_as_written, r.paragraph) AS found,
  format(
    '{}. {} is named in para {} but not in para {}.',
    regexp_replace(r.reason, '^Carried from \S+ \(unchanged text\): ', ''),
    fs.name_as_written,
    r.paragraph,
    r.related
  ) AS explanation,
  r.subset AS finding_id
FROM
  report_list_relations r
  JOIN report_finding_states fs ON fs.report_id = r.report_id
  AND fs.finding_id = r.subset
WHERE
  NOT EXISTS (
    SELECT
      1
    FROM
      superset_states ss
    WHERE
      ss.report_id = r.report_id
      AND ss.relation_id = r.relation_id
      AND ss.iso3 = fs.iso3
  );

-- The session's report's rows (session_report(), data-loaders/sql/models/002_reports.sql).
CREATE OR REPLACE VIEW consistency_list_relations AS
SELECT
  * EXCLUDE (report_id)
FROM
  consistency_list_relations_by_report
WHERE
  report_id = session_report ();
