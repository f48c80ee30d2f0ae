-- {named <finding>}: how many States a narrative finding names (findings, finding_states), and its paragraph.
SELECT f.paragraph, f.cycle, count(fs.iso3)::INTEGER AS value
FROM findings f
LEFT JOIN finding_states fs USING (finding_id)
WHERE f.finding_id = $finding
GROUP BY f.paragraph, f.cycle;
