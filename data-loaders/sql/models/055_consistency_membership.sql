-- Check: a State named as a State Party (or signatory, or State not party) that had no such status at any
-- time in the cycle's reporting period, according to state_status. A State Party for part of the period
-- (Lithuania until its withdrawal took effect on 6 March 2025) is not flagged.
-- Written once over report_id: every report's rows, each from its own datasets.
CREATE OR REPLACE VIEW consistency_membership_by_report AS
WITH
  named AS (
    SELECT
      f.report_id,
      f.finding_id,
      f.paragraph,
      f.named_as,
      f.counted,
      fs.iso3,
      fs.name_as_written,
      c.period_start,
      c.period_end
    FROM
      report_findings f
      JOIN report_finding_states fs USING (report_id, finding_id)
      -- The period as the report itself prints it.
      JOIN report_cycles c ON c.report_id = f.report_id
      AND c.cycle = f.cycle
    WHERE
      f.named_as IN ('state_party', 'signatory', 'not_party')
      AND c.period_start IS NOT NULL
      AND c.period_end IS NOT NULL
  ),
  in_period AS (
    SELECT
      n.report_id,
      n.finding_id,
      n.paragraph,
      n.named_as,
      n.counted,
      n.iso3,
      n.name_as_written,
      n.period_start,
      n.period_end,
      list_sort(
        list_distinct(
          list(s.status) FILTER(
            WHERE
              s.status IS NOT NULL
          )
        )
      ) AS statuses
    FROM
      named n
      LEFT JOIN state_status s ON s.iso3 = n.iso3
      AND (
        s.valid_from IS NULL
        OR s.valid_from <= n.period_end
      )
      AND (
        s.valid_to IS NULL
        OR s.valid_to > n.period_start
      )
    GROUP BY ALL
  )
SELECT
  report_id,
  'status_mismatch' AS kind,
  'error' AS severity,
  paragraph,
  CAST(NULL AS VARCHAR) AS related,
  format(
    '{} at some time from {} to {}',
    CASE named_as
      WHEN 'state_party' THEN 'a State Party'
      WHEN 'signatory' THEN 'a signatory'
      ELSE 'a State not party'
    END,
    period_start,
    period_end
  ) AS expected,
  format(
    '{}: {}',
    name_as_written,
    CASE
      WHEN len(statuses) = 0 THEN 'no status known'
      ELSE array_to_string(statuses, ', ')
    END
  ) AS found,
  format(
    'Para {} counts {} among the {}, but state_status gives it {} throughout the reporting period.',
    paragraph,
    name_as_written,
    counted,
    CASE
      WHEN len(statuses) = 0 THEN 'no status'
      ELSE array_to_string(statuses, ' / ')
    END
  ) AS explanation,
  finding_id
FROM
  in_period
WHERE
  (
    named_as = 'state_party'
    AND NOT list_contains(statuses, 'state_party')
  )
  OR (
    named_as = 'signatory'
    AND NOT list_contains(statuses, 'signatory')
  )
  OR (
    named_as = 'not_party'
    AND NOT list_has_any(statuses, ['not_party', 'signatory', 'deposited', 'withdrawn'])
  );

-- The session's report's rows (session_report(), data-loaders/sql/models/002_reports.sql).
CREATE OR REPLACE VIEW consistency_membership AS
SELECT
  * EXCLUDE (report_id)
FROM
  consistency_membership_by_report
WHERE
  report_id = session_report ();
