-- The briefing's cycle and the reported cycles up to it, in order.
SELECT
  c.cycle,
  c.ordinal,
  c.meeting,
  c.period_start,
  c.period_end,
  c.source_ref,
  c.cycle = $cycle AS is_target
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
