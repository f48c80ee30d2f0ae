-- Consistency issues, each with the pillar page that holds its paragraph's full text (#para-<paragraph> among
-- that pillar's findings): its own finding's pillar, else that of the first finding of the same paragraph.
SELECT
  c.*,
  coalesce(
    f.pillar_code,
    (
      SELECT
        min(p.pillar_code)
      FROM
        findings p
      WHERE
        p.paragraph = c.paragraph
    )
  ) AS paragraph_pillar
FROM
  consistency_issues c
  LEFT JOIN findings f USING (finding_id);
