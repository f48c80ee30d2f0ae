SELECT
  *
FROM
  datasets
ORDER BY
  name;
