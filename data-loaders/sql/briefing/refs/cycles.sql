-- The cycles a source may name.
SELECT
  cycle AS name
FROM
  cycles
ORDER BY
  cycle;
