-- The largest moves of the latest cycle as the briefing names them (mart highlights: the three largest improvements,
-- declines and completions counted in States Parties, then the largest of each other unit).
SELECT
  indicator_id,
  pillar_code,
  text,
  unit,
  polarity,
  previous_cycle,
  previous_value,
  value,
  change_since_previous,
  judgement,
  judgement_reason,
  rank_in_unit,
  source_ref
FROM
  highlights
WHERE
  is_latest
ORDER BY
  unit <> 'States Parties',
  unit,
  judgement DESC,
  place_in_unit;
