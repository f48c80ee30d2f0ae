-- Where the report disagrees with the UN's own records (view report_record_issues), for the annex, errors first.
SELECT topic, severity, subject, paragraph, report_says, record_says, definition, alternative_definition,
       report_source, record_source, explanation
FROM report_record_issues
ORDER BY CASE severity WHEN 'error' THEN 1 ELSE 2 END, topic DESC, check_id;
