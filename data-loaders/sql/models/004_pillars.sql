-- pillars: the pillars of the Lausanne Action Plan that have indicators, each named as its first indicator (in the
-- report's order: action, then seq) names it, so every page calls a pillar by the same name.
CREATE OR REPLACE VIEW pillars AS
SELECT
  pillar_code,
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
