-- Check: a summary bullet or narrative figure differs from the table value of the LAP indicator it reports
-- (the link finding → indicator is the reviewed hand file sources/overrides/finding_indicators.csv).
-- A statement without a count but with a list (para 84: "One State Party (Peru)") is compared by its names.
-- Indicator values the table does not give (NULL) are not compared: missing is not zero.
-- A reason carried over from an earlier report (a later report's hand file) is read without its mark.
-- Written once over report_id: every report's rows, each from its own datasets.
CREATE OR REPLACE VIEW consistency_table_values_by_report AS
SELECT
  f.report_id,
  CASE
    WHEN f.paragraph LIKE 'II.%' THEN 'summary_vs_table'
    ELSE 'narrative_vs_table'
  END AS kind,
  -- A difference that a reviewed relation explains is a warning; an unexplained one an error.
  CASE
    WHEN e.why IS NULL THEN 'error'
    ELSE 'warning'
  END AS severity,
  f.paragraph,
  'indicator ' || f.indicator_id AS related,
  format('{} (table, indicator {}, {} column)', v.value, f.indicator_id, f.cycle) AS expected,
  format(
    '{} ({})',
    coalesce(f.stated_count, f.named_count),
    CASE
      WHEN f.paragraph LIKE 'II.%' THEN 'summary bullet'
      ELSE 'paragraph'
    END
  ) AS found,
  format(
    '{} {} gives {} {}, but the {} column of the table prints {} for indicator {} ("{}").{}',
    CASE
      WHEN f.paragraph LIKE 'II.%' THEN 'Summary item'
      ELSE 'Para'
    END,
    f.paragraph,
    coalesce(f.stated_count, f.named_count),
    f.counted,
    f.cycle,
    v.value,
    f.indicator_id,
    left(i.text, 80) || CASE
      WHEN length(i.text) > 80 THEN '…'
      ELSE ''
    END,
    coalesce(' ' || e.why, '')
  ) AS explanation,
  f.finding_id
FROM
  report_findings f
  -- The report's own printing of the indicator (not the current value, which an earlier report may give).
  JOIN report_indicator_values v ON v.report_id = f.report_id
  AND v.indicator_id = f.indicator_id
  AND v.cycle = f.cycle
  JOIN indicators i ON i.indicator_id = f.indicator_id
  -- A reviewed relation that holds for the figure says where it likely comes from (summary C.2: 17 = 13 + 4).
  LEFT JOIN (
    SELECT
      whole.report_id,
      whole.ref AS finding_id,
      string_agg(
        format(
          'Its {} equals {} (relation {}: {}).',
          whole.value,
          parts.parts_text,
          r.relation_id,
          regexp_replace(r.reason, '^Carried from \S+ \(unchanged text\): ', '')
        ),
        ' '
      ) AS why
    FROM
      count_relation_terms_by_report whole
      JOIN report_count_relations r USING (report_id, relation_id)
      JOIN (
        SELECT
          report_id,
          relation_id,
          sum(value) AS parts_value,
          string_agg(
            format('{} ({})', value, source_label),
            ' + '
            ORDER BY
              position
          ) AS parts_text
        FROM
          count_relation_terms_by_report
        WHERE
          side = 'part'
        GROUP BY
          report_id,
          relation_id
      ) parts USING (report_id, relation_id)
    WHERE
      whole.side = 'whole'
      AND whole.term_kind = 'finding'
      AND whole.value = parts.parts_value
    GROUP BY
      whole.report_id,
      whole.ref
  ) e ON e.report_id = f.report_id
  AND e.finding_id = f.finding_id
WHERE
  v.value IS NOT NULL
  AND coalesce(f.stated_count, f.named_count) <> v.value;

-- The session's report's rows (session_report(), data-loaders/sql/models/002_reports.sql).
CREATE OR REPLACE VIEW consistency_table_values AS
SELECT
  * EXCLUDE (report_id)
FROM
  consistency_table_values_by_report
WHERE
  report_id = session_report ();
