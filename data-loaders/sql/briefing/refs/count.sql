-- {count <name> [pillar] [cycle]}: how many indicators of a cycle (all, or one pillar's) were measured, improved,
-- declined, held, completed or cannot be compared (view pillar_trends, summed for all), why they cannot be (not
-- measured, first measured, no better direction) and how many rose or fell in every cycle so far (view
-- indicator_trends, whose judgements all these are); and how many curated datasets the database is built from.
WITH changes AS (
  SELECT count(*) - 1 AS n FROM cycles c
  WHERE c.ordinal <= (SELECT ordinal FROM cycles WHERE cycle = $cycle)
    AND EXISTS (SELECT 1 FROM indicator_values v WHERE v.cycle = c.cycle)
),
judged AS (
  SELECT pillar_code AS pillar, indicators, measured, improved, declined, held, completed, not_comparable
  FROM pillar_trends WHERE cycle = $cycle
  UNION ALL
  SELECT '', sum(indicators), sum(measured), sum(improved), sum(declined), sum(held), sum(completed), sum(not_comparable)
  FROM pillar_trends WHERE cycle = $cycle
),
why AS (
  SELECT coalesce(t.pillar_code, '') AS pillar,
         count(*) FILTER (WHERE t.judgement = 'not comparable' AND t.judgement_basis = 'not measured') AS not_measured,
         count(*) FILTER (WHERE t.judgement = 'not comparable' AND t.judgement_basis = 'first measured') AS first_measured,
         count(*) FILTER (WHERE t.judgement = 'not comparable' AND t.judgement_basis = 'no better direction') AS no_better_direction,
         count(*) FILTER (WHERE t.direction = 'up' AND t.streak = (SELECT n FROM changes)) AS rose_every_cycle,
         count(*) FILTER (WHERE t.direction = 'down' AND t.streak = (SELECT n FROM changes)) AS fell_every_cycle
  FROM indicator_trends t
  WHERE t.cycle = $cycle
  GROUP BY GROUPING SETS ((t.pillar_code), ())
)
SELECT pillar, name, value::INTEGER AS value
FROM judged UNPIVOT (value FOR name IN (indicators, measured, improved, declined, held, completed, not_comparable))
UNION ALL
SELECT pillar, name, value::INTEGER
FROM why UNPIVOT (value FOR name IN (not_measured, first_measured, no_better_direction, rose_every_cycle, fell_every_cycle))
UNION ALL
SELECT '', 'datasets', count(*)::INTEGER FROM datasets
ORDER BY pillar, name;
