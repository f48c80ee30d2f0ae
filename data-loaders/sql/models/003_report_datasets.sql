-- The datasets of each report as of each report, written once over report_id: for report R (report_id), the rows a
-- database holding only R and the reports before it would read. The views after them give the session's report's
-- rows under the dataset's own name (indicator_values, cycles, findings, …), the relations every model reads.
-- The current value of each indicator and cycle as of each report: the one printed by the latest report at or
-- before it (printed_by).
CREATE TABLE indicator_values_by_report AS
SELECT
  r.report_id,
  v.* EXCLUDE (report_id),
  v.report_id AS printed_by
FROM
  reports r
  JOIN reports p ON p.ordinal <= r.ordinal
  JOIN report_indicator_values v ON v.report_id = p.report_id
QUALIFY
  row_number() OVER (
    PARTITION BY
      r.report_id,
      v.indicator_id,
      v.cycle
    ORDER BY
      p.ordinal DESC
  ) = 1
ORDER BY
  r.ordinal,
  v.report_line,
  v.indicator_id,
  v.cycle;

-- Every cycle the reports up to each report print, numbered by the latest of them that prints it; a period only an
-- earlier report states is kept, with that report's source.
CREATE TABLE cycles_by_report AS
WITH
  printed AS (
    SELECT
      r.report_id AS as_of,
      r.ordinal AS as_of_ordinal,
      p.ordinal AS printed_ordinal,
      c.*
    FROM
      reports r
      JOIN reports p ON p.ordinal <= r.ordinal
      JOIN report_cycles c ON c.report_id = p.report_id
  ),
  latest AS (
    SELECT
      *
    FROM
      printed
    QUALIFY
      row_number() OVER (
        PARTITION BY
          as_of,
          cycle
        ORDER BY
          printed_ordinal DESC
      ) = 1
  ),
  stated AS (
    SELECT
      as_of,
      cycle,
      period_start,
      period_end,
      source_ref,
      period_line
    FROM
      printed
    WHERE
      period_start IS NOT NULL
    QUALIFY
      row_number() OVER (
        PARTITION BY
          as_of,
          cycle
        ORDER BY
          printed_ordinal DESC
      ) = 1
  )
SELECT
  l.as_of AS report_id,
  l.cycle,
  l.ordinal,
  l.meeting,
  coalesce(l.period_start, s.period_start) AS period_start,
  coalesce(l.period_end, s.period_end) AS period_end,
  CASE
    WHEN l.period_start IS NULL
    AND s.period_start IS NOT NULL THEN s.source_ref
    ELSE l.source_ref
  END AS source_ref,
  CASE
    WHEN l.period_start IS NULL
    AND s.period_start IS NOT NULL THEN s.period_line
    ELSE l.period_line
  END AS period_line
FROM
  latest l
  LEFT JOIN stated s USING (as_of, cycle)
ORDER BY
  l.as_of_ordinal,
  l.ordinal;

-- The size of each scope group in each cycle as of each report: as the latest report at or before it states it
-- (every report sizes its own cycle: the denominators of the trends).
CREATE TABLE scope_sizes_by_report AS
SELECT
  r.report_id,
  z.* EXCLUDE (report_id)
FROM
  reports r
  JOIN reports p ON p.ordinal <= r.ordinal
  JOIN report_scope_sizes z ON z.report_id = p.report_id
QUALIFY
  row_number() OVER (
    PARTITION BY
      r.report_id,
      z.scope_group,
      z.cycle
    ORDER BY
      p.ordinal DESC
  ) = 1
ORDER BY
  r.ordinal,
  z.cycle,
  z.scope_group;

-- The session's report's rows, under the names every model, the briefing and the site read.
CREATE VIEW indicator_values AS
SELECT
  * EXCLUDE (report_id, printed_by)
FROM
  indicator_values_by_report
WHERE
  report_id = session_report ();

CREATE VIEW cycles AS
SELECT
  * EXCLUDE (report_id)
FROM
  cycles_by_report
WHERE
  report_id = session_report ();

CREATE VIEW scope_sizes AS
SELECT
  * EXCLUDE (report_id)
FROM
  scope_sizes_by_report
WHERE
  report_id = session_report ();

-- A report's statements, the States they name and the reviewed hand datasets naming them are its own.
CREATE VIEW findings AS
SELECT
  * EXCLUDE (report_id)
FROM
  report_findings
WHERE
  report_id = session_report ();

CREATE VIEW finding_states AS
SELECT
  * EXCLUDE (report_id)
FROM
  report_finding_states
WHERE
  report_id = session_report ();

CREATE VIEW count_relations AS
SELECT
  * EXCLUDE (report_id)
FROM
  report_count_relations
WHERE
  report_id = session_report ();

CREATE VIEW list_relations AS
SELECT
  * EXCLUDE (report_id)
FROM
  report_list_relations
WHERE
  report_id = session_report ();

CREATE VIEW report_facts AS
SELECT
  * EXCLUDE (report_id)
FROM
  report_report_facts
WHERE
  report_id = session_report ();

CREATE VIEW report_figures AS
SELECT
  * EXCLUDE (report_id)
FROM
  report_report_figures
WHERE
  report_id = session_report ();
