-- Every group size a report states (scope_sizes) equals the count extracted from the paragraph it quotes, so a
-- hand-typed denominator cannot drift from the report. Run for each report (the session's report,
-- steps/report-checks.ts) on its own sizes and findings: report_scope_sizes, not scope_sizes, which also keeps the
-- sizes only an earlier report states.
SELECT
  format(
    'scope_sizes: {} in {} is {} (para {}), but {} counts {}: correct sources/scope_sizes.csv or the term',
    z.scope_group,
    z.cycle,
    z.size,
    z.paragraph,
    z.term,
    coalesce(
      CAST(
        CASE split_part(z.term, ':', 1)
          WHEN 'finding' THEN f.stated_count
          ELSE f.of_count
        END AS VARCHAR
      ),
      'nothing (no such finding)'
    )
  ) AS problem
FROM
  report_scope_sizes z
  LEFT JOIN findings f ON f.finding_id = split_part(z.term, ':', 2)
WHERE
  z.report_id = session_report ()
  AND z.term IS NOT NULL
  AND (
    f.finding_id IS NULL
    OR z.size IS DISTINCT FROM CASE split_part(z.term, ':', 1)
      WHEN 'finding' THEN f.stated_count
      ELSE f.of_count
    END
  );
