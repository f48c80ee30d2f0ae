-- One pillar's indicators in every reported cycle (view indicator_trends), in report order.
SELECT
  *
FROM
  indicator_trends
WHERE
  pillar_code = $pillar
ORDER BY
  action,
  seq,
  ordinal;
