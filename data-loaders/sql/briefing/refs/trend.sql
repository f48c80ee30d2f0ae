-- {trend <indicator> <field> [cycle]}: one column of view indicator_trends for an indicator in a cycle (the field
-- names are the view's columns, docs/data-dictionary.md), and the second measure's previous value of a paired value.
SELECT *, value_secondary - secondary_change_since_previous AS previous_value_secondary
FROM indicator_trends
WHERE indicator_id = $indicator AND cycle = $cycle;
