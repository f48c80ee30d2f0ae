-- The moves each pillar's section names (mart pillar_highlights), in the order it names them.
SELECT
  pillar_code,
  unit,
  indicator_id
FROM
  pillar_highlights
WHERE
  cycle = $cycle
ORDER BY
  pillar_code,
  NOT is_main_unit,
  lower(unit) NULLS LAST,
  unit,
  rank_in_pillar_unit,
  action,
  seq;
