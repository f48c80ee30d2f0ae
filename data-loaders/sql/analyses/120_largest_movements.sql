-- largest_movements: for every reporting cycle, the indicators that moved since their previous measured
-- cycle, ranked by the size of the move (overall and within the pillar). Indicators that held or were not
-- measured are left out; equal moves share a rank (RANK), and the listing breaks ties by action and seq.
CREATE OR REPLACE VIEW largest_movements AS
SELECT
  t.cycle,
  t.ordinal,
  t.is_latest,
  t.indicator_id, t.action, t.seq, t.pillar_code, t.pillar, t.text, t.unit, t.polarity,
  t.previous_cycle, t.previous_value, t.value,
  t.change_since_previous,
  abs(t.change_since_previous) AS size,
  -- Relative size for context; NULL when the previous value was 0 (a move from zero has no ratio).
  CASE WHEN t.previous_value <> 0 THEN round(t.change_since_previous / t.previous_value, 4) END AS relative_change,
  t.direction,
  t.judgement,
  t.streak,
  t.record_to_date,
  rank() OVER (PARTITION BY t.cycle ORDER BY abs(t.change_since_previous) DESC) AS rank_overall,
  rank() OVER (PARTITION BY t.cycle, t.pillar_code ORDER BY abs(t.change_since_previous) DESC) AS rank_in_pillar,
  t.source_ref
FROM indicator_trends t
WHERE t.direction IN ('up', 'down')
ORDER BY t.ordinal, rank_overall, t.action, t.seq;
