-- Moves of the briefing's cycle, largest first (ties in report order).
SELECT * FROM largest_movements WHERE cycle = $cycle ORDER BY rank_overall, action, seq;
