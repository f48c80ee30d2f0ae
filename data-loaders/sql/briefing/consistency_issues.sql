-- The report's internal inconsistencies, for the annex, in a stable order.
SELECT kind, severity, paragraph, related, expected, found, explanation
FROM consistency_issues
ORDER BY CASE severity WHEN 'error' THEN 1 WHEN 'warning' THEN 2 ELSE 3 END, kind, paragraph, related, expected, found, explanation;
