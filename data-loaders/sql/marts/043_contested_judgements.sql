-- contested_judgements: each judgement of an indicator's movement (mart judgements) that rests on a contested
-- figure (view figure_doubts, doubt 'contested'): this cycle's figure, or, for a judgement of a change, the previous
-- cycle's. Beside it, who contests it, the other figures (the UN's records' where they give one, else the report's
-- other statement when it gives one figure) and the judgement the same rule (judge_change) gives on them, so a tally
-- or a ranking that counts the indicator can say whether its judgement stands on the other figures.
CREATE OR REPLACE VIEW contested_judgements AS
WITH
  contested AS (
    -- One row per contested figure: who contests it, and the one other figure given for it (the record's first).
    SELECT
      d.indicator_id,
      d.cycle,
      list_sort(list_distinct(list(d.against))) AS against,
      CASE
        WHEN bool_or(d.against = 'records') THEN min(d.other_figure) FILTER(
          WHERE
            d.against = 'records'
        )
        WHEN count(DISTINCT d.other_figure) = 1 THEN min(d.other_figure)
      END AS other_figure
    FROM
      figure_doubts d
    WHERE
      d.doubt = 'contested'
    GROUP BY
      d.indicator_id,
      d.cycle
  ),
  judged AS (
    SELECT
      j.cycle,
      j.ordinal,
      j.is_latest,
      j.pillar_code,
      j.action,
      j.seq,
      j.indicator_id,
      j.judgement,
      j.judgement_key,
      t.polarity,
      t.value,
      t.previous_cycle,
      t.previous_value,
      a.against AS this_against,
      a.other_figure AS this_other,
      -- The previous cycle's figure matters only to a judgement of a change.
      CASE
        WHEN j.judgement IN ('improved', 'declined', 'held', 'completed') THEN p.against
      END AS previous_against,
      CASE
        WHEN j.judgement IN ('improved', 'declined', 'held', 'completed') THEN p.other_figure
      END AS previous_other
    FROM
      judgements j
      JOIN indicator_trends t ON t.indicator_id = j.indicator_id
      AND t.cycle = j.cycle
      LEFT JOIN contested a ON a.indicator_id = j.indicator_id
      AND a.cycle = j.cycle
      LEFT JOIN contested p ON p.indicator_id = j.indicator_id
      AND p.cycle = t.previous_cycle
  ),
  other AS (
    SELECT
      *,
      list_sort(list_distinct(list_concat(coalesce(this_against, []), coalesce(previous_against, [])))) AS against,
      coalesce(this_other::INTEGER, value) AS other_value,
      coalesce(previous_other::INTEGER, previous_value) AS other_previous_value
    FROM
      judged
    WHERE
      this_against IS NOT NULL
      OR previous_against IS NOT NULL
  )
SELECT
  cycle,
  ordinal,
  is_latest,
  pillar_code,
  action,
  seq,
  indicator_id,
  judgement,
  judgement_key,
  against AS contested_by,
  CASE
    WHEN against = ['records'] THEN 'the UN''s records'
    WHEN against = ['report'] THEN 'the report itself'
    ELSE 'the report itself and the UN''s records'
  END AS contested_by_words,
  previous_cycle,
  previous_value,
  value,
  other_previous_value,
  other_value,
  CASE
    WHEN judgement IN ('improved', 'declined', 'held') THEN judge_change (polarity, other_value - other_previous_value)
  END AS other_judgement,
  -- In words, as a tally says it: "11.2 declined on the report's figures (36 → 31); the UN's records give 37 → 25,
  -- on which it declined too".
  indicator_id || ' ' || CASE judgement
    WHEN 'not comparable' THEN 'cannot be compared'
    ELSE judgement
  END || CASE
    WHEN previous_value IS NOT NULL
    AND value IS NOT NULL THEN ' on the report''s figures (' || previous_value || ' → ' || value || ')'
    ELSE ''
  END || '; ' || CASE
    WHEN against = ['records'] THEN 'the UN''s records give '
    ELSE 'the report also gives '
  END || CASE
    WHEN judgement IN ('improved', 'declined', 'held', 'completed')
    AND (
      other_value <> value
      OR other_previous_value <> previous_value
    ) THEN other_previous_value || ' → ' || other_value || CASE
      WHEN judge_change (polarity, other_value - other_previous_value) = judgement THEN ', on which it ' || judgement || ' too'
      WHEN judge_change (polarity, other_value - other_previous_value) IS NOT NULL THEN ', on which it ' || judge_change (polarity, other_value - other_previous_value)
      ELSE ''
    END
    WHEN other_value <> value THEN other_value || ' for the ' || cycle || ' cycle, not ' || value
    ELSE 'another figure'
  END AS reason
FROM
  other
ORDER BY
  ordinal,
  pillar_code,
  action,
  seq;
