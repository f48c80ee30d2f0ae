-- {issues [consistency|records] [severity]}: how many points the consistency checks found in the report (view
-- consistency_issues) or how many of its statements the UN's records contradict (view report_record_issues).
SELECT 'consistency' AS list, severity FROM consistency_issues
UNION ALL
SELECT 'records', severity FROM report_record_issues;
