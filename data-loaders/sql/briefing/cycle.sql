-- The briefing's cycle and the reported cycles up to it, in order.
SELECT
  c.cycle,
  c.ordinal,
  c.meeting,
  c.period_start,
  c.period_end,
  c.source_ref,
  -- source_ref is "<where the cycle is named>; <where its period is stated>" (sources/cycles.csv): the note
  -- says where the cycles are named once and each period beside its cycle.
  split_part(c.source_ref, '; ', 1) AS named_in,
  nullif(regexp_replace(split_part(c.source_ref, '; ', 2), '^period: ', ''), '') AS period_in,
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
