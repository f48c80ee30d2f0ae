-- {count <name> [pillar] [cycle]}: how many indicators of a cycle (all, pillar ''; or one pillar's) were measured,
-- improved, declined, held, completed or cannot be compared, why they cannot be, how many rose or fell in every cycle
-- so far (mart tallies); and how many datasets the briefing reads (mart cited_datasets).
SELECT
  pillar_code AS pillar,
  name,
  value::INTEGER AS value
FROM
  (
    SELECT
      * EXCLUDE (pillar, cycle, ordinal, is_latest)
    FROM
      tallies
    WHERE
      cycle = $cycle
  )
UNPIVOT (
  value FOR name IN (
    indicators,
    measured,
    improved,
    declined,
    held,
    completed,
    not_comparable,
    not_measured,
    first_measured,
    no_better_direction,
    rose_every_cycle,
    fell_every_cycle
  )
)
UNION ALL
SELECT
  '',
  'datasets',
  count(*)::INTEGER
FROM
  cited_datasets
ORDER BY
  pillar,
  name;
