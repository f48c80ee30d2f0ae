-- The largest moves of the latest cycle as the briefing ranks them (view largest_movements, ranked within each
-- unit so that 13 women are not set beside 11 States Parties): the three largest improvements and declines
-- counted in States Parties, then the largest improvement and decline of each other unit.
SELECT indicator_id, pillar_code, text, unit, polarity, previous_cycle, previous_value, value, change_since_previous,
       judgement, judgement_reason, rank_in_unit, source_ref
FROM largest_movements
WHERE is_latest AND judgement IN ('improved', 'declined', 'completed')
  AND rank_in_unit <= CASE WHEN unit = 'States Parties' THEN 3 ELSE 1 END
ORDER BY unit <> 'States Parties', unit, judgement DESC, rank_in_unit, action, seq;
