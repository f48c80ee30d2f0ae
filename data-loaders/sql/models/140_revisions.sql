-- Reports side by side (report_indicator_values, report_findings, report_finding_states, keyed by report): what a
-- later report prints differently from the report before it, among the session's report and the reports before it.
-- The current value of each indicator and cycle as of the session's report: the one printed by the latest report
-- at or before it that prints that cycle (indicator_values_by_report, 003_report_datasets.sql).
CREATE VIEW current_indicator_values AS
SELECT
  v.indicator_id,
  v.cycle,
  v.value,
  v.value_secondary,
  v.missing_reason,
  v.revised,
  v.footnote,
  v.as_printed,
  v.printed_by,
  (
    SELECT
      count(*)
    FROM
      report_indicator_values p
      JOIN session_reports s USING (report_id)
    WHERE
      p.indicator_id = v.indicator_id
      AND p.cycle = v.cycle
  ) AS reports_printing,
  v.source_ref
FROM
  indicator_values_by_report v
WHERE
  v.report_id = session_report ();

-- Every value a later report prints differently for the same cycle, or newly marks as revised, beside the
-- printing of the report before it.
CREATE VIEW indicator_revisions AS
WITH
  printed AS (
    SELECT
      v.*,
      lag (v.report_id) OVER w AS earlier_report,
      lag (v.as_printed) OVER w AS earlier_printed,
      lag (v.value) OVER w AS earlier_value,
      lag (v.value_secondary) OVER w AS earlier_value_secondary,
      lag (v.revised) OVER w AS earlier_revised,
      lag (v.source_ref) OVER w AS earlier_source_ref,
      lag (v.report_line) OVER w AS earlier_report_line
    FROM
      report_indicator_values v
      JOIN session_reports r USING (report_id)
    WINDOW
      w AS (
        PARTITION BY
          v.indicator_id,
          v.cycle
        ORDER BY
          r.ordinal
      )
  )
SELECT
  indicator_id,
  cycle,
  earlier_report,
  report_id AS later_report,
  earlier_printed,
  as_printed AS later_printed,
  earlier_value,
  value AS later_value,
  value - earlier_value AS change,
  CASE
    WHEN value IS DISTINCT FROM earlier_value
    OR value_secondary IS DISTINCT FROM earlier_value_secondary THEN 'value'
    WHEN revised
    AND NOT earlier_revised THEN 'newly_marked_revised'
    ELSE 'printed_form'
  END AS kind,
  revised AS later_revised,
  footnote,
  earlier_source_ref || ', line ' || earlier_report_line AS earlier_source,
  source_ref || ', line ' || report_line AS later_source,
  printf(
    'The %s report prints %s for indicator %s in the %s column; the %s report printed %s.%s',
    report_id,
    as_printed,
    indicator_id,
    cycle,
    earlier_report,
    earlier_printed,
    CASE
      WHEN footnote IS NOT NULL THEN ' Footnote: ' || footnote
      ELSE ''
    END
  ) AS explanation
FROM
  printed
WHERE
  earlier_report IS NOT NULL
  AND (
    as_printed IS DISTINCT FROM earlier_printed
    OR value IS DISTINCT FROM earlier_value
    OR value_secondary IS DISTINCT FROM earlier_value_secondary
    OR (
      revised
      AND NOT earlier_revised
    )
  );

-- The States one finding names that another does not, in the order the first prints them ([] when none): who joined
-- a list (named by the later finding only) and who left it (named by the earlier only), one rule for both.
CREATE OR REPLACE MACRO states_named_only_by (named_report, named_finding, other_report, other_finding) AS coalesce(
  (
    SELECT
      list(
        named_state.iso3
        ORDER BY
          named_state.position
      )
    FROM
      report_finding_states named_state
    WHERE
      named_state.report_id = named_report
      AND named_state.finding_id = named_finding
      AND NOT EXISTS (
        SELECT
          1
        FROM
          report_finding_states other_state
        WHERE
          other_state.report_id = other_report
          AND other_state.finding_id = other_finding
          AND other_state.iso3 = named_state.iso3
      )
  ),
  []
);

-- The English names of a list of States, in the list's order.
CREATE OR REPLACE MACRO state_names (iso3_list) AS (
  SELECT
    list(
      named_state.name_en
      ORDER BY
        listed.i
    )
  FROM
    unnest(iso3_list)
  WITH
    ORDINALITY AS listed (iso3, i)
    JOIN states named_state USING (iso3)
);

-- Findings that changed between a report and the next for the same statement: the same subject (counted),
-- printed once in each report, with another count or other named States (who joined the list, who left it).
CREATE VIEW finding_revisions AS
WITH
  f AS (
    SELECT
      f.*,
      r.ordinal,
      count(*) OVER (
        PARTITION BY
          f.report_id,
          f.counted
      ) AS same_subject
    FROM
      report_findings f
      JOIN session_reports r USING (report_id)
    WHERE
      f.counted IS NOT NULL
      AND f.counted <> ''
  ),
  paired AS (
    SELECT
      e.report_id AS earlier_report,
      l.report_id AS later_report,
      e.finding_id AS earlier_finding_id,
      l.finding_id AS later_finding_id,
      e.paragraph AS earlier_paragraph,
      l.paragraph AS later_paragraph,
      l.counted,
      e.stated_count AS earlier_count,
      l.stated_count AS later_count,
      e.statement AS earlier_statement,
      l.statement AS later_statement,
      l.indicator_id
    FROM
      f e
      JOIN f l ON l.counted = e.counted
      AND l.ordinal > e.ordinal
    WHERE
      e.same_subject = 1
      AND l.same_subject = 1
      AND NOT EXISTS (
        SELECT
          1
        FROM
          reports m
        WHERE
          m.ordinal > e.ordinal
          AND m.ordinal < l.ordinal
      )
  ),
  moved AS (
    SELECT
      p.*,
      states_named_only_by (p.later_report, p.later_finding_id, p.earlier_report, p.earlier_finding_id) AS joined,
      states_named_only_by (p.earlier_report, p.earlier_finding_id, p.later_report, p.later_finding_id) AS left_list
    FROM
      paired p
  )
SELECT
  earlier_report,
  later_report,
  earlier_finding_id,
  later_finding_id,
  earlier_paragraph,
  later_paragraph,
  counted,
  indicator_id,
  earlier_count,
  later_count,
  joined,
  state_names (joined) AS joined_names,
  left_list AS "left",
  state_names (left_list) AS left_names,
  earlier_statement,
  later_statement,
  report_paragraph_source (earlier_report, earlier_paragraph) AS earlier_source,
  report_paragraph_source (later_report, later_paragraph) AS later_source
FROM
  moved
WHERE
  earlier_count IS DISTINCT FROM later_count
  OR len(joined) > 0
  OR len(left_list) > 0;
