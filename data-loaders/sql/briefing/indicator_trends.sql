-- Every indicator's trend rows up to the briefing's cycle, in report order.
SELECT
  t.*
FROM
  indicator_trends t
WHERE
  t.ordinal <= (
    SELECT
      ordinal
    FROM
      cycles
    WHERE
      cycle = $cycle
  )
ORDER BY
  t.pillar_code,
  t.action,
  t.seq,
  t.ordinal;
