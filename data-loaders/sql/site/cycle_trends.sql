-- Per reporting cycle, the counts of all pillars' judgements (mart tallies, as the briefing counts them), in cycle order.
SELECT
  cycle,
  ordinal,
  indicators::INTEGER AS indicators,
  measured::INTEGER AS measured,
  improved::INTEGER AS improved,
  declined::INTEGER AS declined,
  held::INTEGER AS held,
  completed::INTEGER AS completed,
  not_comparable::INTEGER AS not_comparable,
  is_latest
FROM
  tallies
WHERE
  pillar_code = ''
ORDER BY
  ordinal;
