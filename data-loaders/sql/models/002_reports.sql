-- Every progress report with its edition facts, one row per report in meeting order (pivoted from report_editions,
-- where each fact keeps where it was read), and the report a session reads.
CREATE TABLE reports AS
SELECT
  report_id,
  ordinal,
  ordinal = max(ordinal) OVER () AS is_latest,
  folder,
  max(value) FILTER(
    WHERE
      field = 'title'
  ) AS title,
  max(value) FILTER(
    WHERE
      field = 'symbol'
  ) AS symbol,
  CAST(
    max(value) FILTER(
      WHERE
        field = 'published_on'
    ) AS DATE
  ) AS published_on,
  max(value) FILTER(
    WHERE
      field = 'meeting'
  ) AS meeting,
  max(value) FILTER(
    WHERE
      field = 'meeting_place'
  ) AS meeting_place,
  CAST(
    max(value) FILTER(
      WHERE
        field = 'meeting_start'
    ) AS DATE
  ) AS meeting_start,
  CAST(
    max(value) FILTER(
      WHERE
        field = 'meeting_end'
    ) AS DATE
  ) AS meeting_end,
  CAST(
    max(value) FILTER(
      WHERE
        field = 'period_start'
    ) AS DATE
  ) AS period_start,
  CAST(
    max(value) FILTER(
      WHERE
        field = 'period_end'
    ) AS DATE
  ) AS period_end,
  max(value) FILTER(
    WHERE
      field = 'submitted_by'
  ) AS submitted_by,
  CAST(
    max(value) FILTER(
      WHERE
        field = 'vote_year'
    ) AS INTEGER
  ) AS vote_year
FROM
  report_editions
GROUP BY
  report_id,
  ordinal,
  folder
ORDER BY
  ordinal;

-- The report a session reads: the one named by `SET VARIABLE as_of_report = '13MSP'` on the connection (an earlier
-- report's briefing, data-loaders/briefing/as-of.ts; the checks of each report), the latest report otherwise.
-- Every relation that holds "the report's" rows (indicator_values, findings, consistency_issues, …) is a view
-- that selects the keyed rows of this report: nothing is copied or replaced.
CREATE OR REPLACE MACRO session_report () AS coalesce(
  getvariable ('as_of_report'),
  (
    SELECT
      report_id
    FROM
      reports
    WHERE
      is_latest
  )
);

-- How a statement's paragraph is cited, wherever a row names its source in the report: '13MSP Progress Report, para 67'.
CREATE OR REPLACE MACRO report_paragraph_source (cited_report, cited_paragraph) AS cited_report || ' Progress Report, para ' || cited_paragraph;

CREATE OR REPLACE MACRO session_ordinal () AS (
  SELECT
    ordinal
  FROM
    reports
  WHERE
    report_id = session_report ()
);

-- The session's report and the reports before it: what a database built with only these reports would hold.
CREATE VIEW session_reports AS
SELECT
  *
FROM
  reports
WHERE
  ordinal <= session_ordinal ()
ORDER BY
  ordinal;

-- The dataset files of the session's reports (and the shared ones). With more than one report, the title of a
-- dataset the first report's file names says what its view holds in this database.
CREATE VIEW datasets AS
WITH
  shown AS (
    SELECT
      string_agg(
        report_id,
        ', '
        ORDER BY
          ordinal
      ) AS ids,
      count(*) AS n
    FROM
      session_reports
  )
SELECT
  d.name,
  CASE
    WHEN s.n = 1 THEN d.title
    WHEN d.name IN ('indicator_values', 'cycles') THEN d.title || ' (in this database: the current value of each cycle, printed by the latest of the reports ' || s.ids || '; each report''s own dataset is listed as <report>/' || d.name || ')'
    WHEN d.name = 'scope_sizes' THEN d.title || ' (in this database: the group sizes every report states, the latest report''s where two state one; each report''s own dataset is listed as <report>/scope_sizes)'
    WHEN d.name IN ('findings', 'finding_states', 'count_relations', 'list_relations', 'report_facts', 'report_figures') THEN d.title || ' (in this database: the latest report''s, ' || session_report () || '; the file named here is the first report''s, each later report''s own dataset is listed as <report>/' || d.name || ')'
    ELSE d.title
  END AS title,
  d.producer,
  d.source,
  d.date,
  d.licence,
  d.reference,
  d.method,
  d.sha256,
  d.file,
  d.rows,
  d.derived_from
FROM
  dataset_provenance d
  CROSS JOIN shown s
WHERE
  d.report_id IS NULL
  OR d.report_id IN (
    SELECT
      report_id
    FROM
      session_reports
  );
