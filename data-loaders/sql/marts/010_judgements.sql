-- judgements: each indicator's judgement in each cycle (improved, declined, held, completed, not comparable) and,
-- for one that cannot be compared, why (not measured, first measured, no better direction), with the reason in
-- words, the group a completed indicator exhausted, and whether it moved the same way in every change between the
-- cycles with values so far (steady); keys as a briefing source names them (not_comparable, no_better_direction),
-- in report order (pillar, action, indicator).
CREATE OR REPLACE VIEW judgements AS
WITH
  changes AS (
    -- Changes between the cycles with values up to each cycle: a streak this long moved the same way every time.
    SELECT
      c.cycle,
      (
        SELECT
          count(*) - 1
        FROM
          cycles e
        WHERE
          e.ordinal <= c.ordinal
          AND EXISTS (
            SELECT
              1
            FROM
              indicator_values v
            WHERE
              v.cycle = e.cycle
          )
      ) AS n
    FROM
      cycles c
  )
SELECT
  t.cycle,
  t.ordinal,
  t.is_latest,
  t.pillar_code,
  t.pillar,
  t.action,
  t.seq,
  t.indicator_id,
  t.value IS NOT NULL AS measured,
  t.judgement,
  replace(t.judgement, ' ', '_') AS judgement_key,
  t.judgement_basis,
  replace(t.judgement_basis, ' ', '_') AS basis_key,
  t.judgement_reason,
  t.completion_group_label,
  t.completion_source,
  CASE
    WHEN t.streak = ch.n
    AND t.direction = 'up' THEN 'rose'
    WHEN t.streak = ch.n
    AND t.direction = 'down' THEN 'fell'
  END AS steady
FROM
  indicator_trends t
  JOIN changes ch USING (cycle)
ORDER BY
  t.ordinal,
  t.pillar_code,
  t.action,
  t.seq;
