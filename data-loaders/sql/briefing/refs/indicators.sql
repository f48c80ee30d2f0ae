-- The indicator ids a source may name (for "closest valid names" in errors).
SELECT DISTINCT
  indicator_id AS name
FROM
  indicator_trends
ORDER BY
  name;
