-- Check: parts that do not add up to the stated whole (sum), or two statements of the same count that
-- disagree (equal). The relations are reviewed judgements in sources/count_relations.csv, each with its reason.
-- A reason carried over from an earlier report (a later report's hand file) is read without its mark.
-- Written once over report_id: every report's rows, each from its own datasets.
CREATE OR REPLACE VIEW consistency_parts_vs_whole_by_report AS
WITH
  sides AS (
    SELECT
      report_id,
      relation_id,
      max(value) FILTER(
        WHERE
          side = 'whole'
      ) AS whole_value,
      max(term) FILTER(
        WHERE
          side = 'whole'
      ) AS whole_term,
      max(source_label) FILTER(
        WHERE
          side = 'whole'
      ) AS whole_label,
      sum(value) FILTER(
        WHERE
          side = 'part'
      ) AS parts_value,
      string_agg(
        format('{} ({})', value, source_label),
        ' + '
        ORDER BY
          position
      ) FILTER(
        WHERE
          side = 'part'
      ) AS parts_text,
      bool_and(value IS NOT NULL) AS complete
    FROM
      count_relation_terms_by_report
    GROUP BY
      report_id,
      relation_id
  )
SELECT
  r.report_id,
  CASE r.kind
    WHEN 'sum' THEN 'parts_vs_whole'
    ELSE 'same_count_differs'
  END AS kind,
  r.severity,
  r.paragraph,
  r.related,
  format('{} ({})', s.whole_value, s.whole_label) AS expected,
  CASE r.kind
    WHEN 'sum' THEN format('{} = {}', s.parts_text, s.parts_value)
    ELSE s.parts_text
  END AS found,
  format(
    '{}. As printed: {} against {}.',
    regexp_replace(r.reason, '^Carried from \S+ \(unchanged text\): ', ''),
    s.whole_value,
    CASE r.kind
      WHEN 'sum' THEN format('{} = {}', s.parts_text, s.parts_value)
      ELSE s.parts_text
    END
  ) AS explanation,
  CAST(NULL AS VARCHAR) AS finding_id
FROM
  report_count_relations r
  JOIN sides s USING (report_id, relation_id)
WHERE
  s.complete
  AND s.whole_value <> s.parts_value;

-- The session's report's rows (session_report(), data-loaders/sql/models/002_reports.sql).
CREATE OR REPLACE VIEW consistency_parts_vs_whole AS
SELECT
  * EXCLUDE (report_id)
FROM
  consistency_parts_vs_whole_by_report
WHERE
  report_id = session_report ();
