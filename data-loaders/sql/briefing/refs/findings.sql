-- The finding ids a source may name.
SELECT
  finding_id AS name
FROM
  findings
ORDER BY
  name;
