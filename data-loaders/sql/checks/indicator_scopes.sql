-- Every indicator has a scope (the group it counts among), and every group sized by the report has a size
-- (scope_sizes; that each size equals the count of the paragraph it quotes is checked per report in
-- scope_size_terms.sql).
-- The States Parties denominator of the latest cycle must equal para 264's "112 States Parties during the period
-- under review" (finding 13MSP-264-1, read from the 13MSP report's own findings whichever report is the latest):
-- the share of a numerator about the period is taken of that membership.
SELECT
  'indicator ' || i.indicator_id || ' has no row in sources/indicator_scopes.csv: add its scope group' AS problem
FROM
  indicators i
  LEFT JOIN indicator_scopes s USING (indicator_id)
WHERE
  s.indicator_id IS NULL
UNION ALL
SELECT
  format(
    'scope group {} is sized by the report, but has no size for any cycle in sources/scope_sizes.csv',
    g.scope_group
  )
FROM
  scope_groups g
WHERE
  g.sized_by = 'report'
  AND NOT EXISTS (
    SELECT
      1
    FROM
      scope_sizes z
    WHERE
      z.scope_group = g.scope_group
  )
UNION ALL
SELECT
  format(
    'indicator_trends divides {} cycle shares by {} States Parties, but para 264 counts {} States Parties during the period (finding 13MSP-264-1): check state_status for the period',
    t.cycle,
    t.denominator,
    f.stated_count
  )
FROM
  (
    SELECT DISTINCT
      cycle,
      denominator
    FROM
      indicator_trends
    WHERE
      scope_group = 'states_parties'
      AND cycle = '13MSP'
  ) t
  JOIN report_findings f ON f.finding_id = '13MSP-264-1'
WHERE
  t.denominator IS DISTINCT FROM f.stated_count;
