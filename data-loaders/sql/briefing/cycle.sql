-- The briefing's cycle and the reported cycles up to it (view reported_cycles), in order: the briefing's data and
-- its references ({cycle}, {cycles}, {date period_start|period_end}) read this one query.
SELECT
  c.* EXCLUDE (position),
  -- source_ref is "<where the cycle is named>; <where its period is stated>" (sources/cycles.csv): the note
  -- says where the cycles are named once and each period beside its cycle.
  split_part(c.source_ref, '; ', 1) AS named_in,
  nullif(regexp_replace(split_part(c.source_ref, '; ', 2), '^period: ', ''), '') AS period_in,
  c.cycle = $cycle AS is_target
FROM
  reported_cycles c
WHERE
  c.ordinal <= (
    SELECT
      ordinal
    FROM
      cycles
    WHERE
      cycle = $cycle
  )
ORDER BY
  c.ordinal;
