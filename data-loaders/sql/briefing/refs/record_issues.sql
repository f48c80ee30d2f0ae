-- {issues records [severity]}: the statements of the report the UN's records contradict (view report_record_issues).
SELECT
  severity
FROM
  report_record_issues;
