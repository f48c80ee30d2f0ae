-- The counts of the briefing's cycle, per pillar and for all pillars ('' ), from mart tallies.
SELECT
  *
FROM
  tallies
WHERE
  cycle = $cycle
ORDER BY
  pillar_code;
