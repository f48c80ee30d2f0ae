-- Check: an annual report covering calendar year Y dated on or before a day of year Y ("2024 annual reports
-- … by the due date of 30 April 2024"): a report on a year can only be submitted or fall due after that year.
-- Written once over report_id: every report's rows, each from its own datasets.
CREATE OR REPLACE VIEW consistency_report_dates_by_report AS
WITH
  dated AS (
    SELECT
      f.report_id,
      f.finding_id,
      f.paragraph,
      f.statement,
      TRY_CAST (
        coalesce(
          nullif(regexp_extract(f.statement, '(\d{4}) annual reports?', 1), ''),
          nullif(regexp_extract(f.statement, 'calendar year (\d{4})', 1), '')
        ) AS INTEGER
      ) AS report_year,
      nullif(
        regexp_extract(
          f.statement,
          '\d{1,2} (?:January|February|March|April|May|June|July|August|September|October|November|December) \d{4}'
        ),
        ''
      ) AS date_text
    FROM
      report_findings f
  ),
  flagged AS (
    SELECT
      *,
      row_number() OVER (
        PARTITION BY
          report_id,
          paragraph,
          date_text
        ORDER BY
          finding_id
      ) AS n
    FROM
      dated
    WHERE
      report_year IS NOT NULL
      AND date_text IS NOT NULL
      AND CAST(right(date_text, 4) AS INTEGER) <= report_year
  )
SELECT
  report_id,
  'report_date' AS kind,
  'error' AS severity,
  paragraph,
  CAST(NULL AS VARCHAR) AS related,
  format('a date after calendar year {}', report_year) AS expected,
  date_text AS found,
  format(
    'Para {} dates annual reports covering calendar year {} at {}, which is not after that year ends (probably {} is meant): "{}"',
    paragraph,
    report_year,
    date_text,
    report_year + 1,
    left(statement, 110) || CASE
      WHEN length(statement) > 110 THEN '…'
      ELSE ''
    END
  ) AS explanation,
  finding_id
FROM
  flagged
WHERE
  n = 1;

-- The session's report's rows (session_report(), data-loaders/sql/models/002_reports.sql).
CREATE OR REPLACE VIEW consistency_report_dates AS
SELECT
  * EXCLUDE (report_id)
FROM
  consistency_report_dates_by_report
WHERE
  report_id = session_report ();
