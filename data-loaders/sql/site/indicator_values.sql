-- Values with the judgement of view indicator_trends, so pages show the one judgement the briefing uses.
SELECT v.*, c.ordinal, t.change_since_previous, t.judgement, t.judgement_reason
FROM indicator_values v
JOIN cycles c USING (cycle)
LEFT JOIN indicator_trends t ON t.indicator_id = v.indicator_id AND t.cycle = v.cycle
ORDER BY v.indicator_id, c.ordinal;
