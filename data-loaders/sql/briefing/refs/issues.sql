-- {issues [consistency] [severity]}: the points the consistency checks found in the report (view consistency_issues).
SELECT
  severity
FROM
  consistency_issues;
