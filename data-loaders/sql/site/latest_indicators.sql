-- Every indicator in the latest cycle with its change and judgement (view indicator_trends), in report order:
-- the Indicators page, filtered there by pillar or judgement.
SELECT
  indicator_id,
  pillar_code,
  pillar,
  text,
  unit,
  polarity,
  previous_cycle,
  value,
  change_since_previous,
  direction,
  judgement,
  judgement_reason,
  cycle,
  source_ref
FROM
  indicator_trends
WHERE
  is_latest
ORDER BY
  pillar_code,
  action,
  seq;
