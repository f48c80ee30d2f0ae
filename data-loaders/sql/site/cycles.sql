SELECT
  *
FROM
  cycles
ORDER BY
  ordinal;
