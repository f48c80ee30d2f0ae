-- Each indicator's judgement in the briefing's cycle, its reason and whether it moved the same way every cycle
-- (mart judgements), in report order.
SELECT
  indicator_id,
  judgement_key,
  basis_key,
  completion_group_label,
  completion_source,
  steady
FROM
  judgements
WHERE
  cycle = $cycle
ORDER BY
  action,
  seq;
