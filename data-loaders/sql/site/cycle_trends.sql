-- Movements per reporting cycle (view cycle_trends), in cycle order.
SELECT * FROM cycle_trends ORDER BY ordinal;
