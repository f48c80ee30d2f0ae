-- Tidy download: every indicator value with the indicator's text, unit and pillar beside its id, the change
-- since the previous measured cycle and its judgement (view indicator_trends), one row per indicator and cycle.
-- Comments stay above the query: the Downloads loader copies it as is.
SELECT
  indicator_id,
  pillar_code,
  pillar,
  text AS indicator_text,
  unit,
  polarity,
  cycle,
  value,
  value_secondary,
  measure,
  secondary_measure,
  missing_reason,
  revised,
  footnote,
  as_printed,
  previous_cycle,
  change_since_previous,
  judgement,
  judgement_reason,
  source_ref
FROM
  indicator_trends
ORDER BY
  pillar_code,
  action,
  seq,
  ordinal
