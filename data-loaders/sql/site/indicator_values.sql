SELECT v.*, c.ordinal
FROM indicator_values v JOIN cycles c USING (cycle)
ORDER BY v.indicator_id, c.ordinal;
