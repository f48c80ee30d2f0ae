-- pillar_highlights: the moves a pillar's section names: in each pillar and cycle, the three largest moves of each
-- unit the pillar counts (ranked within the unit, view largest_movements), States Parties first.
CREATE OR REPLACE VIEW pillar_highlights AS
SELECT
  m.cycle,
  m.ordinal,
  m.is_latest,
  m.pillar_code,
  m.unit,
  m.unit = 'States Parties' AS is_main_unit,
  m.rank_in_pillar_unit,
  m.indicator_id,
  m.action,
  m.seq,
  m.judgement,
  m.change_since_previous,
  m.source_ref
FROM
  largest_movements m
WHERE
  m.rank_in_pillar_unit <= 3
ORDER BY
  m.ordinal,
  m.pillar_code,
  NOT is_main_unit,
  m.unit,
  m.rank_in_pillar_unit,
  m.rank_overall,
  m.action,
  m.seq;
