-- Every report's consistency issues (consistency_issues_by_report), for the Data quality page's report selector.
-- The paragraph links to its full text on the pillar page that holds it (#para-<paragraph> among that pillar's
-- findings) only for the report whose findings those pages show (the findings table): its own finding's pillar,
-- else that of the first finding of the same paragraph. Another report's paragraph numbers are its own.
WITH
  shown AS (
    SELECT DISTINCT
      r.report_id
    FROM
      report_findings r
      JOIN findings f USING (finding_id)
  )
SELECT
  c.*,
  CASE
    WHEN c.report_id IN (
      SELECT
        report_id
      FROM
        shown
    ) THEN coalesce(
      f.pillar_code,
      (
        SELECT
          min(p.pillar_code)
        FROM
          findings p
        WHERE
          p.paragraph = c.paragraph
      )
    )
  END AS paragraph_pillar
FROM
  consistency_issues_by_report c
  LEFT JOIN findings f USING (finding_id)
ORDER BY
  c.report_id,
  CASE c.severity
    WHEN 'error' THEN 1
    WHEN 'warning' THEN 2
    ELSE 3
  END,
  c.kind,
  c.paragraph,
  c.related,
  c.expected,
  c.found;
