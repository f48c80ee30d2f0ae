-- The largest moves of the latest cycle (view largest_movements, ranked there by the size of the move).
SELECT indicator_id, pillar_code, text, polarity, previous_cycle, previous_value, value, change_since_previous,
       judgement, rank_overall, source_ref
FROM largest_movements
WHERE is_latest AND rank_overall <= 8
ORDER BY rank_overall, action, seq;
