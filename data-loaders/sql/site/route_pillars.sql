-- One notebook page per pillar of the Lausanne Action Plan that has indicators.
SELECT
  pillar_code AS code,
  any_value(
    pillar
    ORDER BY
      action,
      seq
  ) AS name
FROM
  indicators
GROUP BY
  pillar_code
ORDER BY
  pillar_code;
