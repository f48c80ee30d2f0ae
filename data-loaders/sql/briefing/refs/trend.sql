-- {trend <indicator> <field> [cycle]}: the columns of view indicator_trends in one cycle (the field names are the
-- view's columns, docs/data-dictionary.md), and the second measure's previous value of a paired value; read once per
-- cycle, looked up by indicator.
SELECT
  *,
  value_secondary - secondary_change_since_previous AS previous_value_secondary
FROM
  indicator_trends
WHERE
  cycle = $cycle;
