-- largest_movements: for every reporting cycle, the indicators that moved since their previous measured
-- cycle, ranked by the size of the move (overall and within the pillar). Indicators that held or were not
-- measured are left out; equal moves share a rank (RANK), and the listing breaks ties by action and seq.
-- A move of 13 women and a move of 11 States Parties are not the same size: rank_in_unit and rank_in_pillar_unit
-- rank only moves counted in the same unit, and rank_relative_to_scope ranks moves by their change as a share of
-- the group the indicator counts among (where that group's size is known). rank_overall mixes units.
CREATE OR REPLACE VIEW largest_movements AS
SELECT
  t.cycle,
  t.ordinal,
  t.is_latest,
  t.indicator_id,
  t.action,
  t.seq,
  t.pillar_code,
  t.pillar,
  t.text,
  t.unit,
  t.polarity,
  t.previous_cycle,
  t.previous_value,
  t.value,
  t.change_since_previous,
  abs(t.change_since_previous) AS size,
  -- Relative size for context; NULL when the previous value was 0 (a move from zero has no ratio).
  CASE
    WHEN t.previous_value <> 0 THEN round(t.change_since_previous / t.previous_value, 4)
  END AS relative_change,
  t.denominator,
  t.denominator_basis,
  CASE
    WHEN t.denominator IS NOT NULL THEN round(t.change_since_previous / t.denominator, 4)
  END AS change_relative_to_scope,
  t.direction,
  t.judgement,
  t.judgement_reason,
  t.streak,
  t.record_to_date,
  rank() OVER (
    PARTITION BY
      t.cycle
    ORDER BY
      abs(t.change_since_previous) DESC
  ) AS rank_overall,
  rank() OVER (
    PARTITION BY
      t.cycle,
      t.pillar_code
    ORDER BY
      abs(t.change_since_previous) DESC
  ) AS rank_in_pillar,
  -- Among the moves of the cycle with the same unit and the same judgement (the largest improvement in States Parties).
  rank() OVER (
    PARTITION BY
      t.cycle,
      t.unit,
      t.judgement
    ORDER BY
      abs(t.change_since_previous) DESC
  ) AS rank_in_unit,
  rank() OVER (
    PARTITION BY
      t.cycle,
      t.pillar_code,
      t.unit
    ORDER BY
      abs(t.change_since_previous) DESC
  ) AS rank_in_pillar_unit,
  CASE
    WHEN t.denominator IS NOT NULL THEN rank() OVER (
      PARTITION BY
        t.cycle,
        t.judgement,
        t.denominator IS NOT NULL
      ORDER BY
        abs(t.change_since_previous / t.denominator) DESC
    )
  END AS rank_relative_to_scope,
  t.source_ref
FROM
  indicator_trends t
WHERE
  t.direction IN ('up', 'down')
ORDER BY
  t.ordinal,
  rank_overall,
  t.action,
  t.seq;
