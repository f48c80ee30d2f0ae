-- {value <indicator> [cycle]}: one indicator's value in one cycle (view indicator_trends), with where the report prints it.
SELECT value, value_secondary, source_ref
FROM indicator_trends
WHERE indicator_id = $indicator AND cycle = $cycle;
