-- One notebook page per pillar of the Lausanne Action Plan that has indicators (view pillars).
SELECT
  pillar_code AS code,
  name
FROM
  pillars
ORDER BY
  pillar_code;
