-- Every inconsistency the checks find in each report, one row per issue (see the 05x_consistency_*.sql views), written
-- once over report_id.
CREATE OR REPLACE VIEW consistency_issues_by_report AS
SELECT
  *
FROM
  consistency_count_vs_names_by_report
UNION ALL
SELECT
  *
FROM
  consistency_table_values_by_report
UNION ALL
SELECT
  *
FROM
  consistency_parts_vs_whole_by_report
UNION ALL
SELECT
  *
FROM
  consistency_lists_by_report
UNION ALL
SELECT
  *
FROM
  consistency_membership_by_report
UNION ALL
SELECT
  *
FROM
  consistency_report_dates_by_report
UNION ALL
SELECT
  *
FROM
  consistency_list_relations_by_report
UNION ALL
SELECT
  *
FROM
  consistency_share_scope_by_report
UNION ALL
SELECT
  *
FROM
  consistency_event_dates_by_report
UNION ALL
SELECT
  *
FROM
  consistency_table_instances_by_report;

-- The session's report's rows (session_report(), data-loaders/sql/models/002_reports.sql).
CREATE OR REPLACE VIEW consistency_issues AS
SELECT
  * EXCLUDE (report_id)
FROM
  consistency_issues_by_report
WHERE
  report_id = session_report ();
