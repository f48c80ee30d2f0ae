-- {cycle [first|previous]}, {cycles [changes]}, {date period_start|period_end [cycle]}: the reporting cycles with
-- indicator values up to the briefing's cycle (table cycles), in order, with their periods and sources.
SELECT
  c.cycle,
  c.ordinal,
  c.period_start,
  c.period_end,
  c.source_ref
FROM
  cycles c
WHERE
  c.ordinal <= (
    SELECT
      ordinal
    FROM
      cycles
    WHERE
      cycle = $cycle
  )
  AND EXISTS (
    SELECT
      1
    FROM
      indicator_values v
    WHERE
      v.cycle = c.cycle
  )
ORDER BY
  c.ordinal;
