SELECT * FROM consistency_issues;
