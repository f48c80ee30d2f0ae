SELECT
  *
FROM
  report_record_issues;
