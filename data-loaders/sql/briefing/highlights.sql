-- The summary's largest moves of the briefing's cycle (mart highlights: three in States Parties, one of each other unit).
SELECT
  judgement,
  unit,
  is_main_unit,
  place_in_unit,
  rank_in_unit,
  indicator_id
FROM
  highlights
WHERE
  cycle = $cycle
  AND judgement IN ('improved', 'declined')
ORDER BY
  judgement DESC,
  NOT is_main_unit,
  lower(unit),
  unit,
  place_in_unit;
