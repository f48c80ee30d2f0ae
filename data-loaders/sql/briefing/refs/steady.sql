-- {ids rose_every_cycle} and {ids fell_every_cycle} [pillar] [cycle]: the indicators that moved the same way in every
-- change between the cycles with values up to the cycle (mart judgements, steady), in action order, with what view
-- indicator_trends says of a paired value's second measure, which the list says in words.
SELECT
  j.pillar_code AS pillar,
  j.indicator_id,
  j.steady,
  t.direction,
  t.measure,
  t.value_secondary,
  t.secondary_measure,
  t.secondary_direction,
  t.secondary_streak
FROM
  judgements j
  JOIN indicator_trends t USING (cycle, indicator_id)
WHERE
  j.cycle = $cycle
  AND j.steady IS NOT NULL
ORDER BY
  -- The report's order of its actions, as the briefing's judgements (sql/briefing/judgements.sql).
  j.action,
  j.seq;
