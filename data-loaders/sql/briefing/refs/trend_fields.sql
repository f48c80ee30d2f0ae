-- The fields a {trend} reference may name: the columns of view indicator_trends, and previous_value_secondary.
SELECT
  column_name AS name
FROM
  (
    DESCRIBE
    SELECT
      *,
      value_secondary - secondary_change_since_previous AS previous_value_secondary
    FROM
      indicator_trends
  )
ORDER BY
  name;
