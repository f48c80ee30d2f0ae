-- Per pillar, the counts of the latest cycle's judgements (mart tallies, as the briefing counts them).
SELECT
  pillar_code,
  pillar,
  cycle,
  ordinal,
  indicators,
  measured,
  improved,
  declined,
  held,
  not_comparable,
  completed,
  is_latest
FROM
  tallies
WHERE
  is_latest
  AND pillar_code <> ''
ORDER BY
  pillar_code;
