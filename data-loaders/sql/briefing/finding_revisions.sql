-- The briefing's "What changed since last year": statements of its report whose count or named States
-- differ from the report before it (view finding_revisions), in the order of the report.
SELECT
  earlier_report,
  later_report,
  earlier_paragraph,
  later_paragraph,
  counted,
  earlier_count,
  later_count,
  joined_names,
  left_names,
  earlier_source,
  later_source
FROM
  finding_revisions
WHERE
  later_report = $cycle
ORDER BY
  later_finding_id;
