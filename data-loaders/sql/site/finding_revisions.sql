-- Statements whose count or named States changed from the report before (view finding_revisions).
SELECT
  later_report,
  earlier_report,
  later_paragraph,
  earlier_paragraph,
  counted,
  earlier_count,
  later_count,
  array_to_string(joined_names, ', ') AS joined,
  array_to_string(left_names, ', ') AS "left",
  earlier_source,
  later_source
FROM
  finding_revisions
ORDER BY
  later_report,
  later_finding_id;
