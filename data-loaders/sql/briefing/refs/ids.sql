-- {ids <judgement or reason> [pillar] [cycle]}: which indicators of a cycle were judged so (mart judgements), in
-- report order (as the briefing lists them: pillar, action, indicator).
SELECT
  indicator_id,
  pillar_code AS pillar,
  judgement_key AS judgement,
  basis_key AS basis
FROM
  judgements
WHERE
  cycle = $cycle
ORDER BY
  pillar_code,
  action,
  seq;
