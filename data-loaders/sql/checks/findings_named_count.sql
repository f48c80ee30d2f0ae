-- findings.named_count must be the number of finding_states rows of the finding, and a finding must either
-- state a count or name States (a statement with neither is not a finding).
SELECT
  format(
    'findings {}: named_count {} but finding_states has {} rows',
    f.finding_id,
    f.named_count,
    count(fs.iso3)
  ) AS problem
FROM
  findings f
  LEFT JOIN finding_states fs USING (finding_id)
GROUP BY
  f.finding_id,
  f.named_count
HAVING
  count(fs.iso3) <> f.named_count
UNION ALL
SELECT
  format('findings {}: neither a stated count nor named States', finding_id)
FROM
  findings
WHERE
  stated_count IS NULL
  AND named_count = 0;
